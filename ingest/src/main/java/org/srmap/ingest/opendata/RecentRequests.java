package org.srmap.ingest.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The 311 service requests created in the last days ({@code erm2-nwe9}, 2020 to present), fetched page
 * by page in {@code :id} order and streamed into one SODA JSON array: the file the ingest reads like any
 * API export. Memory stays flat whatever the number of rows.
 */
final class RecentRequests {
    static final String DATASET = "erm2-nwe9";

    /** Cache files of earlier windows, replaced by a new one. */
    private static final Pattern WINDOW_FILE =
            Pattern.compile(DATASET + "_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenDataClient client;
    private final int pageSize;
    private final PrintStream progress;

    RecentRequests(OpenDataClient client, int pageSize, PrintStream progress) {
        this.client = client;
        this.pageSize = pageSize;
        this.progress = progress;
    }

    /** The cache file of the requests created from {@code from} to {@code to}, relative to the cache. */
    static String file(LocalDate from, LocalDate to) {
        return "311/" + DATASET + "_" + from + "_" + to + ".json";
    }

    /** Writes every request created on or after {@code from} to {@code target}; returns the row count. */
    long download(LocalDate from, Path target) throws IOException {
        String what = "311 service requests since " + from + " (" + DATASET + ")";
        long[] rows = {0};
        CacheFile.write(target, out -> {
            try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
                gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                gen.writeStartArray();
                while (true) {
                    int n = page(from, rows[0], gen, what);
                    rows[0] += n;
                    progress.printf(Locale.ROOT, "srmap download:   %,d requests so far%n", rows[0]);
                    if (n < pageSize) {
                        break;
                    }
                }
                gen.writeEndArray();
            }
        });
        if (rows[0] == 0) {
            Files.deleteIfExists(target);
            throw new DownloadException(what + ": the API returned no requests at all for these days");
        }
        removeOtherWindows(target);
        return rows[0];
    }

    private int page(LocalDate from, long offset, JsonGenerator gen, String what) throws IOException {
        URI uri = client.resource(
                DATASET,
                "json",
                List.of(
                        Map.entry("$where", "created_date >= '" + from + "T00:00:00'"),
                        Map.entry("$order", ":id"),
                        Map.entry("$limit", Integer.toString(pageSize)),
                        Map.entry("$offset", Long.toString(offset))));
        String page = what + ", rows from " + offset;
        try (InputStream in = client.open(uri, page);
                JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new DownloadException(page + ": the answer is not a JSON array of rows");
            }
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new DownloadException(page + ": the answer ends before its array does");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new DownloadException(page + ": row " + n + " is not a JSON object");
                }
                gen.copyCurrentStructure(p);
                n++;
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new DownloadException(page + ": the answer is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw client.failure(page, uri, e);
        }
    }

    private static void removeOtherWindows(Path kept) throws IOException {
        try (Stream<Path> files = Files.list(kept.getParent())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!p.equals(kept) && WINDOW_FILE.matcher(name).matches()) {
                    Files.delete(p);
                }
            }
        }
    }
}
