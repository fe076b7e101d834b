package org.srmap.ingest.socrata;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.SourceFormatException;
import org.srmap.ingest.run.Meter;
import org.srmap.ingest.run.SourceInput;

/**
 * A Socrata dataset as one ingest source: every row whose {@code :updated_at} is after
 * {@code since} (everything when null), read page by page in {@code :updated_at, :id} order. NYC 311
 * is {@code erm2-nwe9} (2020 on) and {@code 76ig-c548} (2010-2019).
 */
public final class SocrataInput implements SourceInput {
    /** NYC Open Data, where the 311 datasets live. */
    public static final URI NYC_OPEN_DATA = URI.create("https://data.cityofnewyork.us");

    private static final Pattern DATASET_ID = Pattern.compile("[a-z0-9]{4}-[a-z0-9]{4}");

    private final URI baseUri;
    private final String datasetId;
    private final int pageSize;
    private final Instant since;
    private final String appToken;
    private SocrataRowSource rows;

    /**
     * @param baseUri the portal, e.g. {@link #NYC_OPEN_DATA}
     * @param datasetId four-four id such as {@code erm2-nwe9}
     * @param pageSize rows per request, 1..50,000
     * @param since read rows updated strictly after this instant; null reads the whole dataset
     * @param appToken a Socrata application token (raises rate limits), or null
     */
    public SocrataInput(URI baseUri, String datasetId, int pageSize, Instant since, String appToken) {
        if (!DATASET_ID.matcher(datasetId).matches()) {
            throw new IllegalArgumentException("a Socrata dataset id looks like erm2-nwe9, was '" + datasetId + "'");
        }
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("pageSize must be 1..50000, was " + pageSize);
        }
        this.baseUri = baseUri;
        this.datasetId = datasetId;
        this.pageSize = pageSize;
        this.since = since;
        this.appToken = appToken;
    }

    /** The ingest_run source name of a dataset: {@code socrata:erm2-nwe9}. */
    public static String sourceName(String datasetId) {
        return "socrata:" + datasetId;
    }

    @Override
    public String name() {
        return sourceName(datasetId);
    }

    @Override
    public String kind() {
        return "socrata";
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public RowSource open(Meter meter) throws IOException, SourceFormatException {
        rows = new SocrataRowSource(new SocrataQuery(baseUri, datasetId, pageSize, since, appToken), meter);
        return rows;
    }

    /** The newest {@code :updated_at} read, or {@code since} when nothing newer came. */
    @Override
    public Optional<Instant> highWaterMark() {
        Instant seen = rows == null ? null : rows.newestUpdate();
        return Optional.ofNullable(seen != null ? seen : since);
    }
}
