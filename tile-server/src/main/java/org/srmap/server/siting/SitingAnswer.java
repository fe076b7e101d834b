package org.srmap.server.siting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.srmap.siting.plan.GeoJsonExport;
import org.srmap.siting.plan.Report;
import org.srmap.siting.points.Point;

/**
 * A siting answer as the API gives it: the report with where its demand came from, the sites'
 * names, and the coverage per borough; as JSON, GeoJSON (sites and demand units) or CSV (each unit
 * and its nearest site).
 *
 * @param query what was asked
 * @param demand the demand and the requests behind it
 * @param candidates how many candidate sites there were
 * @param names facility names by id
 * @param report the planner's report
 */
record SitingAnswer(SitingQuery query, Demand demand, int candidates, Map<String, String> names, Report report) {
    private static final String[] BOROUGHS = {"Unknown", "Manhattan", "Bronx", "Brooklyn", "Queens", "Staten Island"};

    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", report.model());
        body.put("status", report.status());
        body.put("objective", report.objective());
        body.put("bound", report.bound());
        body.put("gap", report.gap());
        body.put("seconds", report.seconds());
        boolean uploaded = demand.requests() == null;
        body.put("unit", uploaded ? "upload" : query.unit().name().toLowerCase(Locale.ROOT));
        if (!uploaded && query.unit() == SitingQuery.Unit.H3) {
            body.put("res", query.res());
        }
        body.put(
                "weight",
                uploaded
                        ? "upload"
                        : String.join(
                                "*",
                                query.weights().stream()
                                        .map(w -> w.name().toLowerCase(Locale.ROOT))
                                        .toList()));
        body.put("requests", demand.requests());
        body.put("unplaced", demand.unplaced());
        body.put("outside_units", demand.outside());
        body.put("candidates", candidates);
        body.put("sites", sites());
        body.put("demand", report.demand());
        body.put("by_borough", byBorough());
        body.put("curve", report.curve());
        body.put("assignments", assignments());
        return body;
    }

    /** Each unit with its position, weight, nearest site, distance and coverage. */
    private List<Map<String, Object>> assignments() {
        Map<String, Point> units = unitsById();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Report.Assignment a : report.assignments()) {
            Point u = units.get(a.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("lat", u.lat());
            row.put("lon", u.lon());
            row.put("weight", a.weight());
            row.put("site", a.site());
            row.put("metres", a.metres());
            row.put("covered", a.covered());
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> sites() {
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Report.Site s : report.sites()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("rank", s.rank());
            site.put("id", s.id());
            site.put("name", names.getOrDefault(s.id(), null));
            site.put("lat", s.lat());
            site.put("lon", s.lon());
            site.put("required", s.required());
            site.put("gain", s.gain());
            sites.add(site);
        }
        return sites;
    }

    /** Units, weight and, with a radius, covered units and weight, per borough. */
    private List<Map<String, Object>> byBorough() {
        Map<Integer, double[]> sums = new TreeMap<>(); // units, weight, covered units, covered weight
        for (Report.Assignment a : report.assignments()) {
            double[] s = sums.computeIfAbsent(demand.borough().getOrDefault(a.id(), 0), b -> new double[4]);
            s[0]++;
            s[1] += a.weight();
            if (Boolean.TRUE.equals(a.covered())) {
                s[2]++;
                s[3] += a.weight();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        sums.forEach((code, s) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("borough", BOROUGHS[code]);
            row.put("units", (long) s[0]);
            row.put("weight", s[1]);
            boolean radius = report.demand().radius() != null;
            row.put("covered_units", radius ? (Long) (long) s[2] : null);
            row.put("covered_weight", radius ? (Double) s[3] : null);
            rows.add(row);
        });
        return rows;
    }

    /** The chosen sites and the demand units as one FeatureCollection, each feature's role said. */
    Map<String, Object> geojson() {
        return GeoJsonExport.of(report, demand.units(), names);
    }

    /** Each demand unit with its weight, borough, nearest chosen site, distance and coverage. */
    String csv() {
        StringBuilder b = new StringBuilder("unit,lat,lon,borough,weight,site,site_name,metres,covered\n");
        Map<String, Point> units = unitsById();
        for (Report.Assignment a : report.assignments()) {
            Point u = units.get(a.id());
            b.append(cell(a.id()))
                    .append(',')
                    .append(u.lat())
                    .append(',')
                    .append(u.lon())
                    .append(',')
                    .append(BOROUGHS[demand.borough().getOrDefault(a.id(), 0)])
                    .append(',')
                    .append(a.weight())
                    .append(',')
                    .append(cell(a.site()))
                    .append(',')
                    .append(cell(names.getOrDefault(a.site(), "")))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", a.metres()))
                    .append(',')
                    .append(a.covered() == null ? "" : a.covered())
                    .append('\n');
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"'
                : text;
    }

    private Map<String, Point> unitsById() {
        Map<String, Point> units = new LinkedHashMap<>();
        demand.units().forEach(u -> units.put(u.id(), u));
        return units;
    }
}
