package org.srmap.ingest.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Streams the body of an HTTP GET, for URL sources and API pages; anything but 200 is an IOException. */
public final class HttpGet {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private HttpGet() {}

    /** Opens the body; the caller closes it. */
    public static InputStream open(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(10))
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
                throw new IOException(uri.getHost() + uri.getPath() + " answered HTTP " + response.statusCode()
                        + (body.isBlank() ? "" : ": " + body.strip()));
            }
            return new BufferedInputStream(response.body(), 1 << 16);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
    }
}
