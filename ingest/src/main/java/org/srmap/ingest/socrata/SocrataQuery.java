package org.srmap.ingest.socrata;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SoQL request for one page: all columns plus the system ones ({@code $select=:*, *}), rows
 * updated after the high-water mark, in a stable order so that offsets page without gaps or repeats.
 */
record SocrataQuery(URI baseUri, String datasetId, int pageSize, Instant since, String appToken) {
    /** SoQL timestamp literal: ISO local form, in UTC (the zone of :updated_at). */
    private static final DateTimeFormatter SOQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    URI page(long offset) {
        StringBuilder q = new StringBuilder();
        param(q, "$select", ":*, *");
        if (since != null) {
            param(q, "$where", ":updated_at > '" + SOQL_TIME.format(since) + "'");
        }
        param(q, "$order", ":updated_at, :id");
        param(q, "$limit", Integer.toString(pageSize));
        param(q, "$offset", Long.toString(offset));
        if (appToken != null && !appToken.isBlank()) {
            param(q, "$$app_token", appToken);
        }
        String base = baseUri.toString().replaceAll("/+$", "");
        return URI.create(base + "/resource/" + datasetId + ".json?" + q);
    }

    private static void param(StringBuilder q, String name, String value) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
