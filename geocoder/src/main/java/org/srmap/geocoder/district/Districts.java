package org.srmap.geocoder.district;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;

/**
 * Community districts and boroughs of New York City, from the Department of City Planning's GeoJSON
 * files, with point lookup.
 *
 * <p>Lookups use the rules of {@link PolygonIndex}: a community district wins over an overlapping
 * joint interest area, then the smaller polygon. A point in no polygon but within {@value
 * #SNAP_METRES} m of one (on a pier, just off the shore) is given the nearest.
 *
 * <p>Immutable and safe for concurrent lookups. The geometries it exposes are shared: treat them as
 * read-only.
 */
public final class Districts {

    /** How far outside every polygon a point may lie and still be given the nearest one, in metres. */
    public static final double SNAP_METRES = 100;

    private final List<DistrictShape> districts;
    private final List<BoroughShape> boroughs;
    private final PolygonIndex districtIndex;
    private final PolygonIndex boroughIndex;

    private Districts(List<DistrictShape> districts, List<BoroughShape> boroughs) {
        this.districts = List.copyOf(districts);
        this.boroughs = List.copyOf(boroughs);
        this.districtIndex = PolygonIndex.of(this.districts.stream()
                .map(d -> new PolygonIndex.Entry(d.boroCd(), d.geometry(), d.regular()))
                .toList());
        this.boroughIndex = PolygonIndex.of(this.boroughs.stream()
                .map(b -> new PolygonIndex.Entry(b.code(), b.geometry()))
                .toList());
    }

    /**
     * Builds the lookup from shapes already in memory.
     *
     * @param districts community districts and joint interest areas
     * @param boroughs borough outlines
     */
    public static Districts of(List<DistrictShape> districts, List<BoroughShape> boroughs) {
        return new Districts(districts, boroughs);
    }

    /**
     * Reads the DCP boundary files.
     *
     * @param communityDistrictsGeoJson features with a {@code BoroCD} property (a number or a numeric
     *     string), such as {@code community_districts_2013.geojson}
     * @param boroughsGeoJson features with {@code boro_code} and {@code boro_name} (or {@code BoroCode}
     *     and {@code BoroName}), such as {@code boroughs.geojson}
     * @throws IllegalArgumentException if a file is not as described; the message names the file
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static Districts load(Path communityDistrictsGeoJson, Path boroughsGeoJson) {
        List<Feature> districtFeatures = GeoJsonFeatures.read(communityDistrictsGeoJson);
        List<DistrictShape> districts = new ArrayList<>(districtFeatures.size());
        for (int i = 0; i < districtFeatures.size(); i++) {
            Feature feature = districtFeatures.get(i);
            int boroCd = intProperty(communityDistrictsGeoJson, i, feature, "BoroCD");
            try {
                districts.add(new DistrictShape(boroCd, feature.geometry()));
            } catch (IllegalArgumentException e) {
                throw featureProblem(communityDistrictsGeoJson, i, e.getMessage(), e);
            }
        }
        List<Feature> boroughFeatures = GeoJsonFeatures.read(boroughsGeoJson);
        List<BoroughShape> boroughs = new ArrayList<>(boroughFeatures.size());
        for (int i = 0; i < boroughFeatures.size(); i++) {
            Feature feature = boroughFeatures.get(i);
            int code = intProperty(boroughsGeoJson, i, feature, "boro_code");
            Object name = property(feature, "boro_name");
            try {
                boroughs.add(new BoroughShape(code, name == null ? "" : name.toString(), feature.geometry()));
            } catch (IllegalArgumentException e) {
                throw featureProblem(boroughsGeoJson, i, e.getMessage(), e);
            }
        }
        return new Districts(districts, boroughs);
    }

    /**
     * The community district or joint interest area at a point, snapping up to {@value #SNAP_METRES} m.
     *
     * @return the BoroCD, e.g. 307, or empty if the point is in none (or not a valid position)
     */
    public OptionalInt boroCd(double lon, double lat) {
        OptionalInt inside = districtIndex.locate(lon, lat);
        return inside.isPresent() ? inside : districtIndex.nearest(lon, lat, SNAP_METRES);
    }

    /**
     * The borough at a point: from the borough outlines, which put Marble Hill in Manhattan although its
     * community district is the Bronx's 208; where the (simplified) outlines miss the point, the borough of
     * its district; failing both, the nearest outline within {@value #SNAP_METRES} m.
     *
     * @return the borough code 1..5, or empty if the point is in none
     */
    public OptionalInt boroCode(double lon, double lat) {
        OptionalInt inside = boroughIndex.locate(lon, lat);
        if (inside.isPresent()) {
            return inside;
        }
        OptionalInt boroCd = boroCd(lon, lat);
        if (boroCd.isPresent()) {
            return OptionalInt.of(boroCd.getAsInt() / 100);
        }
        return boroughIndex.nearest(lon, lat, SNAP_METRES);
    }

    /** The community districts and joint interest areas, in file order. */
    public List<DistrictShape> districts() {
        return districts;
    }

    /** The boroughs, in file order. */
    public List<BoroughShape> boroughs() {
        return boroughs;
    }

    /** Finds a property ignoring case and underscores, so {@code boro_code} also finds {@code BoroCode}. */
    private static Object property(Feature feature, String name) {
        String wanted = simplify(name);
        for (Map.Entry<String, Object> entry : feature.properties().entrySet()) {
            if (simplify(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static int intProperty(Path file, int index, Feature feature, String name) {
        Object value = property(feature, name);
        if (value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,9}")) {
            return Integer.parseInt(text.strip());
        }
        throw featureProblem(file, index, "property '" + name + "' must be a whole number, was " + value, null);
    }

    private static String simplify(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException featureProblem(Path file, int index, String problem, Exception cause) {
        return new IllegalArgumentException("boundary file " + file + ": feature " + index + ": " + problem, cause);
    }
}
