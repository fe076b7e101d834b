package org.srmap.server.version;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.server.ServerSettings;

/**
 * The current data version ({@code srmap_data_version()}, which every ingest that changed data
 * raises), read at start-up and then every {@code srmap.data-version-poll} on a background thread,
 * so that requests (and a 304) never ask the database for it. While the database cannot be reached
 * the last version read stays current and one warning is logged.
 */
@Component
public final class DataVersion implements AutoCloseable {
    static final String QUERY = "SELECT srmap_data_version()";

    private static final Logger LOG = LoggerFactory.getLogger(DataVersion.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong current = new AtomicLong();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final ScheduledExecutorService poller;

    public DataVersion(JdbcTemplate jdbc, ServerSettings settings) {
        this.jdbc = jdbc;
        current.set(read());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "srmap-data-version");
            t.setDaemon(true);
            return t;
        });
        long every = settings.dataVersionPoll().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The data version last read. */
    public long current() {
        return current.get();
    }

    /** Calls {@code listener} with the new version whenever it changes (on the polling thread). */
    public void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    /** Reads the version now and tells the listeners if it changed. */
    public void poll() {
        try {
            long version = read();
            if (failing.getAndSet(false)) {
                LOG.info("the database answers again; data version {}", version);
            }
            if (current.getAndSet(version) != version) {
                listeners.forEach(l -> l.accept(version));
            }
        } catch (DataAccessException e) {
            if (!failing.getAndSet(true)) {
                LOG.warn(
                        "cannot read the data version, keeping {}: {}",
                        current.get(),
                        e.getMostSpecificCause().getMessage());
            }
        }
    }

    private long read() {
        Long version = jdbc.queryForObject(QUERY, Long.class);
        return version == null ? 0 : version;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
