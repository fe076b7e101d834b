package org.srmap.ingest.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.srmap.ingest.run.HttpGet;
import org.srmap.ingest.run.HttpStatusException;

/**
 * The HTTP side of a download: builds Socrata and Census API addresses and turns every way a request
 * can fail (a status other than 200, no connection, no answer in time) into a {@link
 * DownloadException} that names what was being fetched and from where.
 */
final class OpenDataClient {
    /** The largest {@code $limit} Socrata serves in one answer. */
    static final int MAX_ROWS = 50_000;

    private final URI openData;
    private final URI census;
    private final Duration timeout;

    OpenDataClient(URI openData, URI census, Duration timeout) {
        this.openData = openData;
        this.census = census;
        this.timeout = timeout;
    }

    /** {@code BASE/resource/ID.EXT?params}, parameters in the given order. */
    URI resource(String datasetId, String extension, List<Map.Entry<String, String>> params) {
        return join(openData, "/resource/" + datasetId + "." + extension, params);
    }

    /** {@code CENSUS/PATH?params}. */
    URI census(String path, List<Map.Entry<String, String>> params) {
        return join(census, path, params);
    }

    /** The whole body, for answers of a few megabytes. */
    byte[] fetch(URI uri, String what) {
        try (InputStream in = open(uri, what)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failure(what, uri, e);
        }
    }

    /** The body as a stream; the caller closes it. */
    InputStream open(URI uri, String what) {
        try {
            return HttpGet.open(uri, timeout);
        } catch (IOException e) {
            throw failure(what, uri, e);
        }
    }

    /** True when the failure was an HTTP 404 (the dataset does not exist under that id). */
    static boolean notFound(DownloadException e) {
        return e.getCause() instanceof HttpStatusException s && s.status() == 404;
    }

    /** Words for a failed request: HTTP status, refused connection, timeout or a broken transfer. */
    DownloadException failure(String what, URI uri, IOException e) {
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String why;
        if (e instanceof HttpStatusException) {
            why = e.getMessage();
        } else if (e instanceof HttpTimeoutException) {
            why = where + " did not answer within " + timeout.toSeconds() + " s (--timeout allows longer)";
        } else if (e instanceof ConnectException) {
            why = "cannot connect to " + where + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        } else {
            why = "reading from " + where + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new DownloadException(what + ": " + why, e);
    }

    private static URI join(URI base, String path, List<Map.Entry<String, String>> params) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            q.append(q.length() == 0 ? '?' : '&')
                    .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return URI.create(base.toString().replaceAll("/+$", "") + path + q);
    }
}
