package org.srmap.server.filter;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.version.DataVersion;

/**
 * The {@link Vocabulary} of the data, read again when an ingest has changed the {@link
 * DataVersion}. Blocking on the first call of a version: call it on the JDBC scheduler.
 */
@Component
public final class VocabularyCache {
    static final String CATEGORIES = "SELECT DISTINCT category FROM complaint_type";
    static final String TYPES = "SELECT complaint_type FROM complaint_type";
    static final String DISTRICTS = "SELECT boro_cd FROM community_district";
    /** From the monthly level: every agency of the daily rows, in a twelfth of the rows or fewer. */
    static final String AGENCIES = "SELECT DISTINCT agency FROM rollup_district_monthly WHERE agency <> ''";

    private record Loaded(long version, Vocabulary vocabulary) {}

    private final JdbcTemplate jdbc;
    private final DataVersion version;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    public VocabularyCache(JdbcTemplate jdbc, DataVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    /** The vocabulary of the current data version if it has been read, without blocking; else empty. */
    public Optional<Vocabulary> ifLoaded() {
        Loaded loaded = current.get();
        return loaded != null && loaded.version() == version.current()
                ? Optional.of(loaded.vocabulary())
                : Optional.empty();
    }

    /** Drops the vocabulary read, so that the next call of {@link #get} reads it again. */
    public void forget() {
        current.set(null);
    }

    /** The vocabulary of the current data version. */
    public Vocabulary get() {
        return ifLoaded().orElseGet(this::load);
    }

    private Vocabulary load() {
        long v = version.current();
        Vocabulary vocabulary = new Vocabulary(
                new HashSet<>(strings(CATEGORIES)),
                new HashSet<>(strings(TYPES)),
                new HashSet<>(jdbc.queryForList(DISTRICTS, Integer.class)),
                new HashSet<>(strings(AGENCIES)));
        current.set(new Loaded(v, vocabulary));
        return vocabulary;
    }

    private List<String> strings(String sql) {
        return jdbc.queryForList(sql, String.class);
    }
}
