package org.srmap.ingest.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** One thing to ingest, a file or a URL, opened lazily; {@code size} is -1 when unknown. */
public record SourceInput(String name, long size, Opener opener) {
    /** Opens the raw bytes (decompressed when the name ends in .gz). */
    public interface Opener {
        InputStream open() throws IOException;
    }

    public SourceInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
    }

    /**
     * Expands command-line arguments: files as they are, directories into their {@code .csv},
     * {@code .json} and {@code .gz} files in name order, http(s) URLs as downloads.
     */
    public static List<SourceInput> resolve(List<String> args) {
        List<SourceInput> inputs = new ArrayList<>();
        for (String arg : args) {
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                inputs.add(url(URI.create(arg)));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                List<Path> files = listData(path);
                if (files.isEmpty()) {
                    throw new IllegalArgumentException(arg + ": no .csv, .json or .gz files in this directory");
                }
                files.forEach(f -> inputs.add(file(f)));
            } else if (Files.isRegularFile(path)) {
                inputs.add(file(path));
            } else {
                throw new IllegalArgumentException(arg + ": no such file, directory or URL");
            }
        }
        return inputs;
    }

    static SourceInput file(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1;
        }
        boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        return new SourceInput(path.toString(), size, () -> {
            InputStream in = Files.newInputStream(path);
            return gz ? new GZIPInputStream(in, 1 << 16) : in;
        });
    }

    static SourceInput url(URI uri) {
        return new SourceInput(uri.toString(), -1, () -> {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(10))
                    .GET()
                    .build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
                InputStream body = new BufferedInputStream(response.body(), 1 << 16);
                return uri.getPath().endsWith(".gz") ? new GZIPInputStream(body, 1 << 16) : body;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            }
        });
    }

    private static List<Path> listData(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }
}
