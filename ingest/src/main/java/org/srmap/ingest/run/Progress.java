package org.srmap.ingest.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows an ingest's progress: a redrawn bar on a terminal, a log line every ten seconds otherwise.
 * {@link #tick} is cheap enough to call per row.
 */
final class Progress {
    private static final long BAR_NANOS = 250_000_000L;
    private static final long LOG_NANOS = 10_000_000_000L;

    private final String name;
    private final long totalBytes;
    private final boolean terminal;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private boolean drewBar;

    Progress(String name, long totalBytes, boolean terminal, PrintStream out) {
        this.name = name;
        this.totalBytes = totalBytes;
        this.terminal = terminal;
        this.out = out;
    }

    void tick(long bytes, long rows) {
        if ((rows & 4095) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? BAR_NANOS : LOG_NANOS)) {
            return;
        }
        lastShown = now;
        show(bytes, rows, now);
    }

    void done(long bytes, long rows) {
        if (terminal && drewBar) {
            show(bytes, rows, System.nanoTime());
            out.println();
        }
    }

    private void show(long bytes, long rows, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String rate = String.format(Locale.ROOT, "%,d rows  %,.0f rows/s", rows, rows / seconds);
        if (terminal) {
            int width = 30;
            double share = totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : 0;
            int filled = (int) Math.round(share * width);
            String bar = "#".repeat(filled) + ".".repeat(width - filled);
            String pct = totalBytes > 0 ? String.format(Locale.ROOT, "%3.0f%%", share * 100) : "  ?%";
            out.print("\r" + name + " [" + bar + "] " + pct + "  " + rate + "   ");
            out.flush();
            drewBar = true;
        } else {
            String pct = totalBytes > 0
                    ? String.format(Locale.ROOT, " (%.0f%% of %,d bytes)", 100.0 * bytes / totalBytes, totalBytes)
                    : "";
            out.println("ingest " + name + ": " + rate + pct);
        }
    }
}
