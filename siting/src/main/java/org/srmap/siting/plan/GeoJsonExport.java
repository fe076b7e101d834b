package org.srmap.siting.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srmap.siting.points.Point;

/**
 * A report as one GeoJSON FeatureCollection (as maps and lists, for any JSON writer): the chosen
 * sites (property {@code role} "site", their rank, gain, whether required and name when known) and
 * the demand units ("demand": weight, nearest site, metres, covered).
 */
public final class GeoJsonExport {
    private GeoJsonExport() {}

    /**
     * @param demand the demand units the report answered, for their positions
     * @param names site names by id, where known
     */
    public static Map<String, Object> of(Report report, List<Point> demand, Map<String, String> names) {
        List<Object> features = new ArrayList<>();
        for (Report.Site s : report.sites()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("role", "site");
            props.put("id", s.id());
            props.put("name", names.get(s.id()));
            props.put("rank", s.rank());
            props.put("gain", s.gain());
            props.put("required", s.required());
            features.add(feature(s.lon(), s.lat(), props));
        }
        Map<String, Point> units = new LinkedHashMap<>();
        demand.forEach(u -> units.put(u.id(), u));
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

    private static Map<String, Object> feature(double lon, double lat, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        f.put("properties", props);
        return f;
    }
}
