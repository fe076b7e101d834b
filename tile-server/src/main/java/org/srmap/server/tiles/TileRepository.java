package org.srmap.server.tiles;

import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.ServerSettings;
import org.srmap.server.filter.DateSplit;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterSql;
import org.srmap.server.privacy.PrivacySettings;
import org.srmap.server.privacy.PrivacySql;

/** Runs the tile queries. Blocking: call it on the JDBC scheduler. */
@Component
public final class TileRepository {
    private final JdbcTemplate jdbc;
    private final ServerSettings settings;
    private final PrivacySettings privacy;

    public TileRepository(JdbcTemplate jdbc, ServerSettings settings, PrivacySettings privacy) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.privacy = privacy;
    }

    /** The layers, encoded one after another (a tile is a sequence of layers). */
    public Tile tile(List<Layer> layers, TileCoord t, Filter f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean capped = false;
        for (Layer layer : layers) {
            switch (layer) {
                case DISTRICTS, HEXBINS -> out.writeBytes(layer(layer, t, f));
                case REQUESTS -> {
                    if (t.z() >= settings.requestsMinZoom()) {
                        capped |= requests(t, f, out);
                    }
                }
            }
        }
        return new Tile(out.toByteArray(), capped);
    }

    /** A layer drawn by one statement that answers one row holding it (districts, hexbins). */
    private byte[] layer(Layer layer, TileCoord t, Filter f) {
        TileQuery q = query(layer, t, f);
        byte[] bytes = jdbc.query(q.sql(), q.binder(), TileRepository::firstBytes);
        return bytes == null ? new byte[0] : bytes;
    }

    /**
     * The hexbin resolution of a zoom: {@link H3Cells#resolutionForZoom}, at most the rollup's
     * (zoom 13 draws rollup cells too; from 14 the requests themselves are the layer to show).
     */
    static int hexbinResolution(int z) {
        return Math.min(H3Cells.resolutionForZoom(z), H3Cells.ROLLUP_RES);
    }

    /**
     * Writes the requests layer of the tile; returns whether it holds fewer than all the requests
     * the filter matches there (sampled or cut at the cap).
     */
    private boolean requests(TileCoord t, Filter f, ByteArrayOutputStream out) {
        int cap = settings.requestsCap();
        TileQuery probe = probe(t, f, cap);
        int oneIn = jdbc.query(
                probe.sql(), probe.binder(), rs -> rs.next() ? sampleRate(rs.getLong(1), rs.getLong(2), cap) : 1);
        TileQuery q = requests(t, f, cap, oneIn, privacy);
        Boolean thinned = jdbc.query(q.sql(), q.binder(), rs -> {
            rs.next();
            byte[] points = rs.getBytes(1);
            if (points != null) {
                out.writeBytes(points);
            }
            boolean partial = oneIn > 1 || rs.getLong(2) > cap;
            if (partial) {
                out.writeBytes(rs.getBytes(3));
            }
            return partial;
        });
        return Boolean.TRUE.equals(thinned);
    }

    /** The most rows a point tile reads, as a multiple of the cap: its cost is the rows it reads. */
    static final int READ_PER_CAP = 4;

    /**
     * The densest sample rate of {@link TileSql#SAMPLES} at which a tile is expected to hold at most
     * {@code cap} requests and to read at most {@link #READ_PER_CAP} times that many rows, given how
     * many of the sparsest sample it matches and reads (the estimates are those counts times the
     * sparsest rate, over the rate); the sparsest when none is.
     */
    static int sampleRate(long sparsestMatching, long sparsestRead, int cap) {
        int sparsest = TileSql.SAMPLES.get(TileSql.SAMPLES.size() - 1);
        for (int oneIn : TileSql.SAMPLES) {
            if (sparsestMatching * sparsest <= (long) cap * oneIn
                    && sparsestRead * sparsest <= (long) cap * READ_PER_CAP * oneIn) {
                return oneIn;
            }
        }
        return sparsest;
    }

    /** {@link TileSql#REQUESTS_PROBE} for the tile and filter. */
    static TileQuery probe(TileCoord t, Filter f, int cap) {
        boolean byPlace = !shortRange(f);
        return new TileQuery(TileSql.REQUESTS_PROBE, ps -> {
            int i = FilterSql.bindRequests(ps, 1, f);
            FilterSql.bindDay(ps, i++, byPlace ? null : f.from());
            FilterSql.bindDay(ps, i++, byPlace ? null : f.to());
            i = coord(ps, i, t);
            // enough to tell whether even the sparsest sample reads more than it may
            ps.setInt(i, cap * READ_PER_CAP + 1);
        });
    }

    /**
     * The statement that draws the 1-in-{@code oneIn} sample of the tile's requests: the points (at
     * most {@code cap}), the number found (up to cap + 1) and the {@code requests_capped} layer,
     * each request at the point {@code privacy} shows it at.
     */
    static TileQuery requests(TileCoord t, Filter f, int cap, int oneIn, PrivacySettings privacy) {
        String sql = (shortRange(f) ? TileSql.REQUESTS : TileSql.REQUESTS_BY_PLACE).get(oneIn);
        if (sql == null) {
            throw new IllegalArgumentException("oneIn must be one of " + TileSql.SAMPLES + ", was " + oneIn);
        }
        return new TileQuery(sql, ps -> {
            int i = PrivacySql.bindTypes(ps, 1, privacy);
            i = coord(ps, i, t);
            ps.setDouble(i++, PrivacySql.marginLon(privacy));
            ps.setDouble(i++, PrivacySql.marginLat(privacy));
            i = FilterSql.bindRequests(ps, i, f);
            i = coord(ps, i, t);
            ps.setInt(i++, cap + 1);
            i = coord(ps, i, t);
            ps.setInt(i++, cap);
            ps.setInt(i, cap);
        });
    }

    /**
     * The statement that draws the single-row layer {@code layer} (districts, hexbins) of tile
     * {@code t} for filter {@code f}: one row holding the layer. Parameters 1-3 are z, x and y.
     */
    static TileQuery query(Layer layer, TileCoord t, Filter f) {
        return switch (layer) {
            case DISTRICTS -> {
                boolean totals = FilterSql.totalsAnswer(f);
                yield new TileQuery(totals ? TileSql.DISTRICT_TOTALS : TileSql.DISTRICTS, ps -> {
                    DateSplit dates = DateSplit.of(f.from(), f.to());
                    int i = coord(ps, t);
                    ps.setString(i++, FilterSql.status(f));
                    ps.setString(i++, FilterSql.status(f));
                    i = totals
                            ? FilterSql.bindDistrictTotalRows(ps, i, f, dates)
                            : FilterSql.bindDistrictRows(ps, i, f, dates);
                    i = coord(ps, i, t);
                    ps.setInt(i, t.z());
                });
            }
            case HEXBINS -> {
                LocalDate year = FilterSql.yearCellsAnswer(f);
                yield year == null ? hexbins(t, f) : hexbinYear(t, f, year);
            }
            case REQUESTS -> throw new IllegalArgumentException("requests take two statements: probe, then requests");
        };
    }

    private static TileQuery hexbins(TileCoord t, Filter f) {
        return new TileQuery(TileSql.HEXBINS, ps -> {
            int i = coord(ps, t);
            int res = hexbinResolution(t.z());
            ps.setInt(i++, res);
            ps.setString(i++, FilterSql.status(f));
            ps.setString(i++, FilterSql.status(f));
            FilterSql.bindHexbinRows(ps, i, f, res);
        });
    }

    private static TileQuery hexbinYear(TileCoord t, Filter f, LocalDate year) {
        return new TileQuery(TileSql.HEXBIN_YEAR, ps -> {
            int i = coord(ps, t);
            int res = hexbinResolution(t.z());
            ps.setInt(i++, res);
            for (int k = 0; k < 3; k++) {
                ps.setString(i++, FilterSql.status(f));
            }
            ps.setInt(i++, res);
            FilterSql.bindDay(ps, i++, year);
            ps.setString(i, f.category());
        });
    }

    private static int coord(PreparedStatement ps, TileCoord t) throws SQLException {
        return coord(ps, 1, t);
    }

    private static int coord(PreparedStatement ps, int index, TileCoord t) throws SQLException {
        ps.setInt(index, t.z());
        ps.setInt(index + 1, t.x());
        ps.setInt(index + 2, t.y());
        return index + 3;
    }

    /** Whether the filter's dates span at most {@link TileSql#SHORT_RANGE_DAYS}. */
    static boolean shortRange(Filter f) {
        return f.from() != null
                && f.to() != null
                && ChronoUnit.DAYS.between(f.from(), f.to()) < TileSql.SHORT_RANGE_DAYS;
    }

    private static byte[] firstBytes(ResultSet rs) throws SQLException {
        return rs.next() ? rs.getBytes(1) : null;
    }
}
