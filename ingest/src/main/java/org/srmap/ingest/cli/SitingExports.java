package org.srmap.ingest.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.srmap.siting.plan.Report;
import org.srmap.siting.points.Point;

/** A siting report as CSV: each demand unit with its nearest chosen site. */
final class SitingExports {
    private SitingExports() {}

    /** Each demand unit with its weight, nearest chosen site, distance and coverage. */
    static String csv(Report report, List<Point> demand) {
        Map<String, Point> units = byId(demand);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("id", "lat", "lon", "weight", "site", "metres", "covered");
            for (Report.Assignment a : report.assignments()) {
                Point u = units.get(a.id());
                csv.printRecord(
                        a.id(),
                        u.lat(),
                        u.lon(),
                        a.weight(),
                        a.site(),
                        Math.round(a.metres() * 10) / 10.0,
                        a.covered() == null ? "" : a.covered());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, Point> byId(List<Point> points) {
        Map<String, Point> byId = new LinkedHashMap<>();
        points.forEach(p -> byId.put(p.id(), p));
        return byId;
    }
}
