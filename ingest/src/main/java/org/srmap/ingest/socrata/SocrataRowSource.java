package org.srmap.ingest.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.srmap.ingest.read.Field;
import org.srmap.ingest.read.Format;
import org.srmap.ingest.read.MalformedRow;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.RowSources;
import org.srmap.ingest.read.SourceFormatException;
import org.srmap.ingest.read.SourceInfo;
import org.srmap.ingest.read.SourceRow;
import org.srmap.ingest.run.HttpGet;
import org.srmap.ingest.run.Meter;

/**
 * The rows of a Socrata query, fetched one page at a time as the ingest consumes them. Line
 * numbers run on across pages (the row's position in the whole result, 1-based). A page shorter
 * than the page size is the last. Remembers the newest {@code :updated_at} it has read.
 */
final class SocrataRowSource implements RowSource {
    private final SocrataQuery query;
    private final Meter meter;
    private RowSource page;
    private long pageStart;
    private long rowsInPage;
    private boolean lastPage;
    private Instant newestUpdate;
    private SourceInfo info;

    SocrataRowSource(SocrataQuery query, Meter meter) throws IOException, SourceFormatException {
        this.query = query;
        this.meter = meter;
        openPage(0);
    }

    @Override
    public ReadResult next() throws IOException {
        while (page != null) {
            ReadResult r = page.next();
            if (r != null) {
                rowsInPage++;
                return renumber(r);
            }
            page.close();
            page = null;
            if (lastPage || rowsInPage < query.pageSize()) {
                return null;
            }
            try {
                openPage(pageStart + rowsInPage);
            } catch (SourceFormatException e) {
                throw new IOException("page at offset " + (pageStart + rowsInPage) + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    @Override
    public SourceInfo info() {
        return info != null
                ? info
                : new SourceInfo(
                        SocrataInput.sourceName(query.datasetId()),
                        Format.SODA_JSON,
                        StandardCharsets.UTF_8,
                        List.of(),
                        List.of());
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    Instant newestUpdate() {
        return newestUpdate;
    }

    private void openPage(long offset) throws IOException, SourceFormatException {
        URI uri = query.page(offset);
        InputStream body = meter.wrap(HttpGet.open(uri));
        try {
            page = RowSources.open(body, SocrataInput.sourceName(query.datasetId()) + " offset " + offset);
        } catch (SourceFormatException e) {
            body.close();
            if (e.getMessage() != null && e.getMessage().contains("empty")) {
                lastPage = true; // an empty body: no rows
                page = null;
                return;
            }
            throw e;
        }
        if (info == null) {
            info = page.info();
        }
        pageStart = offset;
        rowsInPage = 0;
    }

    private ReadResult renumber(ReadResult r) {
        long line = pageStart + r.lineNumber();
        if (r instanceof SourceRow row) {
            String updated = row.values().get(Field.SODA_UPDATED_AT);
            if (updated != null) {
                try {
                    Instant t = Instant.parse(updated);
                    if (newestUpdate == null || t.isAfter(newestUpdate)) {
                        newestUpdate = t;
                    }
                } catch (DateTimeParseException e) {
                    // not a usable :updated_at; the row itself is still read
                }
            }
            return new SourceRow(line, row.rawText(), row.values());
        }
        MalformedRow m = (MalformedRow) r;
        return new MalformedRow(line, m.rawText(), m.reason(), m.detail());
    }
}
