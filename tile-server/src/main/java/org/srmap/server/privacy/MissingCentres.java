package org.srmap.server.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.version.DataVersion;

/**
 * Counts the requests of generalised types that have a point but no cell centre in {@code
 * h3_centre} (reference data loaded before it existed, or a cell outside its box): every API shows
 * them without a point, never at their own, so they drop out of tiles and searches by place. Not
 * silently: the count is logged (a warning when above 0) at start-up and whenever the data version
 * changes, and exported as the gauge {@code srmap_privacy_missing_centres} (-1 until first counted).
 * The count reads every request of those types, so it runs on a thread of its own, never delaying
 * start-up, a request or the other listeners of the data version.
 */
@Component
public final class MissingCentres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MissingCentres.class);

    private final JdbcTemplate jdbc;
    private final PrivacySettings privacy;
    private final AtomicLong missing = new AtomicLong(-1);
    private final ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "srmap-privacy-count");
        t.setDaemon(true);
        return t;
    });

    public MissingCentres(JdbcTemplate jdbc, PrivacySettings privacy, DataVersion version, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.privacy = privacy;
        LOG.info("srmap {}", privacy.describe());
        Gauge.builder("srmap.privacy.missing.centres", missing, AtomicLong::get)
                .description("requests of sensitive types shown without a point: their H3 cell has no centre")
                .register(meters);
        counter.execute(this::count);
        version.onChange(v -> counter.execute(this::count));
    }

    /** The count last made; -1 before the first. */
    public long current() {
        return missing.get();
    }

    @Override
    public void close() {
        counter.shutdownNow();
    }

    private void count() {
        if (privacy.generalisedTypes().isEmpty()) {
            missing.set(0);
            return;
        }
        try {
            Long n = jdbc.query(
                    PrivacySql.MISSING_CENTRES,
                    ps -> PrivacySql.bindTypes(ps, 1, privacy),
                    rs -> rs.next() ? rs.getLong(1) : 0L);
            long count = n == null ? 0 : n;
            missing.set(count);
            if (count > 0) {
                LOG.warn(
                        "{} requests of sensitive types have no H3 cell centre (table h3_centre) and are shown"
                                + " without a point; run ./srmap load-reference to fill it",
                        count);
            }
        } catch (DataAccessException e) {
            LOG.warn(
                    "cannot count the sensitive requests without a cell centre: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
