package org.srmap.ingest.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;

/**
 * Draws points where people live: a 2020 census tract with probability proportional to its population,
 * then a uniform point inside the tract's polygon by rejection from its bounding box. Tracts without
 * residents are never drawn. Built once; immutable.
 */
final class TractSampler {

    /** How many bounding-box draws to try before settling for the tract's interior point. */
    private static final int MAX_TRIES = 500;

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final PreparedGeometry[] polygons;
    private final Envelope[] envelopes;
    private final Coordinate[] interiorPoints;
    private final double[] populations;
    private final AliasTable byPopulation;

    private TractSampler(List<Geometry> geometries, List<Double> populations) {
        int n = geometries.size();
        this.polygons = new PreparedGeometry[n];
        this.envelopes = new Envelope[n];
        this.interiorPoints = new Coordinate[n];
        this.populations = new double[n];
        for (int i = 0; i < n; i++) {
            Geometry g = geometries.get(i);
            polygons[i] = PreparedGeometryFactory.prepare(g);
            envelopes[i] = g.getEnvelopeInternal();
            interiorPoints[i] = g.getInteriorPoint().getCoordinate();
            this.populations[i] = populations.get(i);
        }
        this.byPopulation = AliasTable.of(this.populations);
    }

    /**
     * Reads census tracts with a numeric {@code pop2020} property.
     *
     * @throws IllegalArgumentException if no tract has residents
     */
    static TractSampler load(Path tractsGeoJson) {
        List<Geometry> geometries = new ArrayList<>();
        List<Double> populations = new ArrayList<>();
        for (Feature feature : GeoJsonFeatures.read(tractsGeoJson)) {
            if (feature.properties().get("pop2020") instanceof Number pop && pop.doubleValue() > 0) {
                geometries.add(feature.geometry());
                populations.add(pop.doubleValue());
            }
        }
        if (geometries.isEmpty()) {
            throw new IllegalArgumentException("census tract file " + tractsGeoJson + " has no tract with pop2020 > 0");
        }
        return new TractSampler(geometries, populations);
    }

    int size() {
        return polygons.length;
    }

    double population(int tract) {
        return populations[tract];
    }

    /** A point surely inside the tract (JTS's interior point), as {@code {lon, lat}}. */
    double[] interiorPoint(int tract) {
        return new double[] {interiorPoints[tract].x, interiorPoints[tract].y};
    }

    /** Draws a tract in proportion to its population. */
    int drawTract(SplittableRandom random) {
        return byPopulation.sample(random);
    }

    /** Draws a uniform point inside a tract, as {@code {lon, lat}}. */
    double[] drawPoint(int tract, SplittableRandom random) {
        Envelope box = envelopes[tract];
        for (int i = 0; i < MAX_TRIES; i++) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            Point p = WGS84.createPoint(new Coordinate(lon, lat));
            if (polygons[tract].covers(p)) {
                return new double[] {lon, lat};
            }
        }
        return interiorPoint(tract);
    }
}
