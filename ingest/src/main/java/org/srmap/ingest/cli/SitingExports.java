package org.srmap.ingest.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.srmap.siting.plan.Report;
import org.srmap.siting.points.Point;

/** A siting report as a GIS reads it: GeoJSON of the sites and units, or CSV of the units. */
final class SitingExports {
    private SitingExports() {}

    /** The chosen sites (role site) and the demand units (role demand) as one FeatureCollection. */
    static Map<String, Object> geoJson(Report report, List<Point> demand) {
        List<Object> features = new ArrayList<>();
        for (Report.Site s : report.sites()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("role", "site");
            props.put("id", s.id());
            props.put("rank", s.rank());
            props.put("gain", s.gain());
            props.put("required", s.required());
            features.add(feature(s.lon(), s.lat(), props));
        }
        Map<String, Point> units = byId(demand);
        for (Report.Assignment a : report.assignments()) {
            Point u = units.get(a.id());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("role", "demand");
            props.put("id", a.id());
            props.put("weight", a.weight());
            props.put("site", a.site());
            props.put("metres", a.metres());
            props.put("covered", a.covered());
            features.add(feature(u.lon(), u.lat(), props));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

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

    private static Map<String, Object> feature(double lon, double lat, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        f.put("properties", props);
        return f;
    }
}
