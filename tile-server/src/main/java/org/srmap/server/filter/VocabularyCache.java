package org.srmap.server.filter;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link Vocabulary} of the data, read again when an ingest has changed the data version
 * (looked up at most every {@link #RECHECK_NANOS}). Blocking: call it on the JDBC scheduler.
 */
@Component
public final class VocabularyCache {
    static final String DATA_VERSION = "SELECT srmap_data_version()";
    static final String CATEGORIES = "SELECT DISTINCT category FROM complaint_type";
    static final String TYPES = "SELECT complaint_type FROM complaint_type";
    static final String DISTRICTS = "SELECT boro_cd FROM community_district";
    static final String AGENCIES = "SELECT DISTINCT agency FROM rollup_district_daily WHERE agency <> ''";

    private static final long RECHECK_NANOS = 5_000_000_000L;

    private record Loaded(long version, Vocabulary vocabulary, long checkedAt) {}

    private final JdbcTemplate jdbc;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    public VocabularyCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The vocabulary of the current data version. */
    public Vocabulary get() {
        Loaded loaded = current.get();
        long now = System.nanoTime();
        if (loaded != null && now - loaded.checkedAt() < RECHECK_NANOS) {
            return loaded.vocabulary();
        }
        Long version = jdbc.queryForObject(DATA_VERSION, Long.class);
        long v = version == null ? 0 : version;
        if (loaded != null && loaded.version() == v) {
            current.compareAndSet(loaded, new Loaded(v, loaded.vocabulary(), now));
            return loaded.vocabulary();
        }
        Vocabulary vocabulary = new Vocabulary(
                new HashSet<>(strings(CATEGORIES)),
                new HashSet<>(strings(TYPES)),
                new HashSet<>(jdbc.queryForList(DISTRICTS, Integer.class)),
                new HashSet<>(strings(AGENCIES)));
        current.set(new Loaded(v, vocabulary, now));
        return vocabulary;
    }

    private List<String> strings(String sql) {
        return jdbc.queryForList(sql, String.class);
    }
}
