package org.srmap.ingest.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srmap.ingest.load.MergeResult;

/** Prints the end-of-run summary: a row per source, totals, placement, agreement, reasons, timings. */
public final class IngestSummary {
    private IngestSummary() {}

    public static void print(List<SourceReport> reports, PrintStream out) {
        out.println();
        out.println("Ingest summary");
        String header = String.format(
                Locale.ROOT,
                "%-40s %10s %10s %9s %10s %9s %10s %8s %9s",
                "source",
                "read",
                "loaded",
                "rejected",
                "inserted",
                "updated",
                "unchanged",
                "placed",
                "district");
        out.println(header);
        out.println("-".repeat(header.length()));
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        long withLocation = 0;
        long placed = 0;
        long unplaced = 0;
        long compared = 0;
        long agreed = 0;
        long[] bySource = new long[3];
        ReasonCounts rejects = new ReasonCounts();
        ReasonCounts warnings = new ReasonCounts();
        Map<String, Double> timings = new LinkedHashMap<>();
        for (SourceReport r : reports) {
            MergeResult m = r.merge();
            if (m == null) {
                out.printf(Locale.ROOT, "%-40s FAILED: %s%n", shortName(r.name()), r.message());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%-40s %,10d %,10d %,9d %,10d %,9d %,10d %8s %9s%n",
                    shortName(r.name()),
                    r.rowsRead(),
                    r.rowsLoaded(),
                    r.rowsRejected(),
                    m.inserted(),
                    m.updated(),
                    m.unchanged(),
                    percent(m.placedWithLocation(), m.withLocation()),
                    percent(m.districtAgreed(), m.districtCompared()));
            read += r.rowsRead();
            loaded += r.rowsLoaded();
            rejected += r.rowsRejected();
            inserted += m.inserted();
            updated += m.updated();
            unchanged += m.unchanged();
            withLocation += m.withLocation();
            placed += m.placedWithLocation();
            unplaced += m.unplaced();
            compared += m.districtCompared();
            agreed += m.districtAgreed();
            bySource[0] += m.byLatLon();
            bySource[1] += m.byStatePlane();
            bySource[2] += m.byGazetteer();
            rejects.addAll(r.rejects());
            warnings.addAll(r.warnings());
            r.timings().forEach((k, v) -> timings.merge(k, v, Double::sum));
        }
        out.println("-".repeat(header.length()));
        out.printf(
                Locale.ROOT,
                "%-40s %,10d %,10d %,9d %,10d %,9d %,10d %8s %9s%n",
                "total",
                read,
                loaded,
                rejected,
                inserted,
                updated,
                unchanged,
                percent(placed, withLocation),
                percent(agreed, compared));
        out.println();
        out.printf(Locale.ROOT, "Rows read = loaded + rejected: %,d = %,d + %,d%n", read, loaded, rejected);
        out.printf(
                Locale.ROOT,
                "Placed: %s of the %,d rows that carry a location (%,d by lat/lon, %,d by State Plane X/Y,"
                        + " %,d by the gazetteer)%n",
                percent(placed, withLocation),
                withLocation,
                bySource[0],
                bySource[1],
                bySource[2]);
        out.printf(
                Locale.ROOT,
                "Unplaced: %,d rows have no point; they are kept and counted in their reported district%n",
                unplaced);
        out.printf(
                Locale.ROOT,
                "District agreement: %s (%,d of %,d rows with both a computed district and a reported"
                        + " community board)%n",
                percent(agreed, compared),
                agreed,
                compared);
        printCounts("Rejects by reason", rejects, out);
        printCounts("Warnings by code", warnings, out);
        out.println("Timings (seconds, all sources):");
        timings.forEach((k, v) -> out.printf(Locale.ROOT, "  %-20s %9.2f%n", k, v));
    }

    private static void printCounts(String title, ReasonCounts counts, PrintStream out) {
        if (counts.total() == 0) {
            out.println(title + ": none");
            return;
        }
        out.println(title + ":");
        counts.asMap().forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %,10d%n", k, v));
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    private static String shortName(String name) {
        int slash = name.lastIndexOf('/');
        String base = slash >= 0 && !name.startsWith("http") ? name.substring(slash + 1) : name;
        return base.length() > 40 ? "…" + base.substring(base.length() - 39) : base;
    }
}
