package org.srmap.ingest.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.srmap.sql.Database;

/**
 * Finishes what committed ingest runs left to do, on {@link #WORKERS} connections at once: builds the
 * secondary indexes of {@code service_request} that a bulk load dropped, refreshes each rollup table
 * for its pending days, then publishes the 'finishing' runs (status 'succeeded' and a new data
 * version). Each step commits alone and can be repeated, so a run killed anywhere in here is
 * finished by the next ingest. Must be called under the {@link IngestLock}.
 */
public final class Finisher {
    /** Connections working at once: the machine this was measured on has two cores. */
    static final int WORKERS = 2;

    /**
     * Per connection: the H3 rollup of 10M SRs aggregates about 7M groups, which spills to disk at
     * 256 MB (hash tables may use twice work_mem) and fits at 512 MB.
     */
    private static final String SESSION = "SET work_mem = '512MB'; SET maintenance_work_mem = '1GB'";

    private static final String MISSING_INDEXES = "SELECT srmap_missing_indexes()";

    private static final String PENDING_ROLLUPS = "SELECT DISTINCT rollup FROM rollup_pending";

    private static final String FINISH_ROLLUP = "SELECT srmap_finish_rollup(?, ?)";

    private static final String BUILD_INDEX = "SELECT srmap_build_index(?)";

    private static final String ANY_FINISHING = "SELECT EXISTS (SELECT 1 FROM ingest_run WHERE status = 'finishing')";

    private static final String PUBLISH =
            """
            UPDATE ingest_run SET status = 'succeeded', data_version = nextval('data_version_seq'),
                   timings = timings || ?::jsonb
             WHERE status = 'finishing'""";

    /**
     * The order to start tasks in, largest first as measured at 10M rows (H3 rollup 34-85 s, GiST
     * 25 s, district rollup 22-32 s, the 1-in-4 sample's GiST 5 s, day index 5 s, the 1-in-16 and
     * 1-in-64 samples' 3 and 2 s): each connection takes the next task when it is free.
     */
    private static final List<String> LARGEST_FIRST = List.of(
            "rollup h3",
            "index geom",
            "rollup district",
            "index geom_4",
            "index day",
            "index geom_16",
            "index geom_64");

    private final Database db;

    public Finisher(Database db) {
        this.db = db;
    }

    /**
     * Does the pending work and returns the seconds each step took (by connection, so they overlap),
     * with {@code finish} the wall time of all of them; empty when nothing was pending. Throws
     * {@link FinishFailedException} when a step fails: what it left stays pending.
     */
    public Map<String, Double> finish() throws SQLException {
        long started = System.nanoTime();
        List<Task> tasks = new ArrayList<>();
        try (Connection c = db.open();
                Statement st = c.createStatement()) {
            List<String> missing = strings(st, MISSING_INDEXES);
            boolean bulk = !missing.isEmpty();
            for (String rollup : strings(st, PENDING_ROLLUPS)) {
                tasks.add(new Task("rollup " + rollup, FINISH_ROLLUP, rollup, bulk));
            }
            for (String index : missing) {
                tasks.add(new Task(
                        "index " + index.replace("service_request_", "").replace("_idx", ""),
                        BUILD_INDEX,
                        index,
                        null));
            }
            if (tasks.isEmpty() && !hasFinishingRuns(st)) {
                return Map.of();
            }
            tasks.sort(Comparator.comparingInt(t -> LARGEST_FIRST.indexOf(t.label())));
        }
        try {
            Map<String, Double> timings = runAll(tasks);
            timings.put("finish", (System.nanoTime() - started) / 1e9);
            try (Connection c = db.open();
                    PreparedStatement ps = c.prepareStatement(PUBLISH)) {
                ps.setString(1, RunLog.timingsJson(timings));
                ps.executeUpdate();
            }
            return timings;
        } catch (SQLException e) {
            throw new FinishFailedException(
                    "the loaded rows are committed, but building indexes and refreshing rollups failed: "
                            + e.getMessage()
                            + "; the next ./srmap ingest finishes it before its first source",
                    e);
        }
    }

    private static boolean hasFinishingRuns(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(ANY_FINISHING)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Runs the tasks, largest first, on up to {@link #WORKERS} threads with a connection each. */
    private Map<String, Double> runAll(List<Task> tasks) throws SQLException {
        ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
        Map<String, Double> timings = new LinkedHashMap<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(WORKERS, tasks.size()); i++) {
            Worker w = new Worker(queue);
            workers.add(w);
            w.start();
        }
        Exception failure = null;
        for (Worker w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while finishing the ingest", e);
            }
            synchronized (w.timings) {
                timings.putAll(w.timings);
            }
            if (w.failure != null) {
                if (failure == null) {
                    failure = w.failure;
                } else {
                    failure.addSuppressed(w.failure);
                }
            }
        }
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure instanceof RuntimeException bug) {
            throw bug;
        }
        return timings;
    }

    private final class Worker extends Thread {
        private final ConcurrentLinkedQueue<Task> queue;
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private volatile Exception failure; // an SQLException, or a RuntimeException (a bug)

        Worker(ConcurrentLinkedQueue<Task> queue) {
            super("srmap-finish");
            this.queue = queue;
        }

        @Override
        public void run() {
            try (Connection c = db.open()) {
                try (Statement st = c.createStatement()) {
                    st.execute(SESSION);
                }
                Task task;
                while ((task = queue.poll()) != null) {
                    long start = System.nanoTime();
                    try (PreparedStatement ps = c.prepareStatement(task.sql())) {
                        ps.setString(1, task.name());
                        if (task.bulk() != null) {
                            ps.setBoolean(2, task.bulk());
                        }
                        ps.execute();
                    }
                    synchronized (timings) {
                        timings.put(task.label(), (System.nanoTime() - start) / 1e9);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                failure = e;
                queue.clear();
            }
        }
    }

    /** One statement of the finish: an index build or a rollup refresh ({@code bulk} non-null). */
    private record Task(String label, String sql, String name, Boolean bulk) {}

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
