package org.srmap.ingest.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.srmap.ingest.normalize.Normalized;
import org.srmap.ingest.normalize.RowNormalizer;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.RowSource;

/**
 * Parses and normalises a source on its own thread, handing batches of rows to the ingest thread
 * (which places, encodes and streams them to PostgreSQL), so the two halves of the work overlap.
 * The queue is bounded: memory stays flat however far the reader could run ahead. A failure of the
 * reader is rethrown on the ingest thread; closing stops the reader.
 */
final class NormalizingReader implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 8;
    private static final List<Normalized> END = List.of();

    private final BlockingQueue<List<Normalized>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean ended;

    NormalizingReader(RowSource source, RowNormalizer normalizer, String name) {
        thread = new Thread(() -> run(source, normalizer), "srmap-read " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch of normalised rows, in file order; null after the last. */
    List<Normalized> next() throws IOException {
        if (ended) {
            return null;
        }
        List<Normalized> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
        if (batch == END) {
            ended = true;
            join();
            rethrowFailure();
            return null;
        }
        return batch;
    }

    /**
     * Stops the reader. Waits a few seconds at most: a reader blocked in network I/O ends when its
     * source is closed, and it is a daemon thread either way.
     */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private void run(RowSource source, RowNormalizer normalizer) {
        List<Normalized> batch = new ArrayList<>(BATCH);
        try {
            ReadResult row;
            while ((row = source.next()) != null) {
                batch.add(normalizer.normalize(row));
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (InterruptedException e) {
            return; // closed by the ingest thread
        } catch (IOException | RuntimeException | Error e) {
            failure = e; // the rows read before it still go over, then the failure
        }
        try {
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // closed by the ingest thread: nobody is waiting any more
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
    }
}
