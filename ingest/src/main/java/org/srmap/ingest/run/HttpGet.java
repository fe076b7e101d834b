package org.srmap.ingest.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Streams the body of an HTTP GET, for URL sources, API pages and downloads; anything but 200 is an
 * {@link HttpStatusException}.
 */
public final class HttpGet {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private HttpGet() {}

    /** Opens the body, waiting up to 10 minutes for the answer to begin; the caller closes it. */
    public static InputStream open(URI uri) throws IOException {
        return open(uri, Duration.ofMinutes(10));
    }

    /**
     * Opens the body; the caller closes it.
     *
     * @param timeout how long to wait for the status line and headers
     * @throws java.net.http.HttpTimeoutException if they take longer
     */
    public static InputStream open(URI uri, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json, text/csv, */*")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
                }
                throw new HttpStatusException(
                        uri.getHost() + uri.getPath() + " answered HTTP " + response.statusCode()
                                + (body.isBlank() ? "" : ": " + body.strip()),
                        response.statusCode());
            }
            return new BufferedInputStream(response.body(), 1 << 16);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
    }
}
