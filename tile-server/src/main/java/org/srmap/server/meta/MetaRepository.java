package org.srmap.server.meta;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;

/** Reads {@link Meta}. Blocking: call it on the JDBC scheduler. */
@Component
public final class MetaRepository {
    /** The days of the data from the district totals by day (a day index), and the last load. */
    static final String DATES =
            """
            SELECT srmap_data_version() AS version,
                   (SELECT min(day) FROM rollup_district_daily_total) AS oldest,
                   (SELECT max(day) FROM rollup_district_daily_total) AS newest,
                   (SELECT max(finished_at) FROM ingest_run WHERE status = 'succeeded') AS loaded""";

    private final JdbcTemplate jdbc;
    private final ServerSettings settings;

    public MetaRepository(JdbcTemplate jdbc, ServerSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public Meta read() {
        return jdbc.query(DATES, rs -> {
            rs.next();
            LocalDate oldest = rs.getObject("oldest", LocalDate.class);
            LocalDate newest = rs.getObject("newest", LocalDate.class);
            Timestamp loaded = rs.getTimestamp("loaded");
            return new Meta(
                    rs.getLong("version"),
                    oldest,
                    newest,
                    loaded == null ? null : loaded.toInstant(),
                    settings.requestsMinZoom(),
                    settings.requestsCap(),
                    settings.basemapUrl().isBlank()
                            ? null
                            : new Meta.Basemap(settings.basemapUrl(), settings.basemapAttribution()),
                    Meta.ATTRIBUTION);
        });
    }
}
