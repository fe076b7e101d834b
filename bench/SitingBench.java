// The siting benchmark (issue 5): maximal covering of 10,000 demand cells by 1,000 candidate sites,
// greedy and swap against the exact MIP in the same run. Run by bench/siting.sh; see docs/benchmarks.md.
//
// Demand: 10,000 H3 res-10 cells drawn (seeded) from the land cells of NYC's 2020 census tracts, each
// weighing its tract's population shared among the tract's cells. Candidates: the 736 cooling
// centers, the 230 public libraries and H3 res-8 cell centres (seeded) up to 1,000.

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.siting.Solution;
import org.srmap.siting.coverage.Coverage;
import org.srmap.siting.coverage.MaximalCovering;
import org.srmap.siting.plan.Metric;
import org.srmap.siting.plan.Planner;
import org.srmap.siting.points.Point;
import org.srmap.siting.problem.Instance;

public class SitingBench {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        double radius = args.length > 1 ? Double.parseDouble(args[1]) : 800;
        int units = 10_000;
        int sites = 1_000;
        Duration limit = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 300);
        Random random = new Random(2007);

        List<Point> demand = demand(data, units, random);
        List<Point> candidates = candidates(data, demand, sites, random);
        System.out.printf(Locale.ROOT, "demand: %,d cells (weight %,.0f); candidates: %,d; radius %.0f m%n",
                demand.size(), demand.stream().mapToDouble(Point::weight).sum(), candidates.size(), radius);

        long t = System.nanoTime();
        Instance in = Planner.instance(demand, candidates, Metric.GREAT_CIRCLE);
        double matrix = seconds(t);
        t = System.nanoTime();
        Coverage coverage = Coverage.of(in, radius);
        double presolve = seconds(t);
        System.out.printf(Locale.ROOT, "distances %.2f s; coverage presolve %.2f s: %,d units -> %,d groups,"
                + " %,.0f weight beyond every site%n", matrix, presolve, in.units(), coverage.groups(), coverage.uncoverable());
        MaximalCovering.curve(coverage, 5, List.of()); // warm up the JIT and load OR-Tools
        new MaximalCovering(coverage, 5, List.of()).lpBound();

        System.out.println();
        System.out.println("| k | path | objective (weight covered) | LP bound | gap to LP bound | best bound | gap to best bound | time |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int k : new int[] {50, 100}) {
            MaximalCovering model = new MaximalCovering(coverage, k, List.of());
            t = System.nanoTime();
            double lp = model.lpBound();
            double lpTime = seconds(t);
            Solution heuristic = model.heuristic();
            Solution exact = model.exact(limit);
            double best = Math.min(heuristic.bound(), exact.bound());
            System.out.printf(Locale.ROOT, "| %d | LP relaxation alone (GLOP) | | %,.1f | | | | %.2f s |%n", k, lp, lpTime);
            row(k, "greedy + swap + LP bound", heuristic, lp, best);
            row(k, "MIP (SCIP, from the heuristic) " + exact.status(), exact, lp, best);
        }
    }

    private static void row(int k, String path, Solution s, double lp, double best) {
        System.out.printf(Locale.ROOT, "| %d | %s | %,.1f | %,.1f | %.3f%% | %,.1f | %.3f%% | %.2f s |%n", k, path,
                s.objective(), lp, 100 * (lp - s.objective()) / lp, best, 100 * (best - s.objective()) / best,
                s.time().toNanos() / 1e9);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Land cells of the census tracts, weighted by population, a seeded sample of n. */
    private static List<Point> demand(Path data, int n, Random random) {
        GeometryFactory gf = new GeometryFactory();
        List<Point> cells = new ArrayList<>();
        for (Feature tract : GeoJsonFeatures.read(data.resolve("population/census_tracts_2020_pop.geojson"))) {
            Object pop = tract.properties().get("pop2020");
            double people = pop instanceof Number p ? p.doubleValue() : 0;
            if (people <= 0) {
                continue;
            }
            Geometry g = tract.geometry();
            PreparedGeometry inside = PreparedGeometryFactory.prepare(g);
            Envelope e = g.getEnvelopeInternal();
            List<LonLat> centres = new ArrayList<>();
            for (long cell : H3Cells.cellsCovering(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), 0, 10)) {
                LonLat c = H3Cells.center(cell);
                if (inside.contains(gf.createPoint(new Coordinate(c.lon(), c.lat())))) {
                    centres.add(c);
                }
            }
            for (LonLat c : centres) {
                cells.add(new Point(tract.properties().get("GEOID") + "-" + cells.size(), c.lat(), c.lon(),
                        people / centres.size(), Double.POSITIVE_INFINITY));
            }
        }
        Collections.shuffle(cells, random);
        return List.copyOf(cells.subList(0, n));
    }

    /** The cooling centers and libraries, then res-8 cell centres of the demand up to n. */
    private static List<Point> candidates(Path data, List<Point> demand, int n, Random random) throws Exception {
        List<Point> sites = new ArrayList<>();
        try (var reader = Files.newBufferedReader(data.resolve("facilities/cooling_centers_2020-07-02.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                LonLat p = Projections.statePlaneToWgs84(Double.parseDouble(r.get("X")), Double.parseDouble(r.get("Y")));
                sites.add(Point.of("cc-" + r.get("NYCEM_ID") + "-" + sites.size(), p.lat(), p.lon()));
            }
        }
        for (Feature library : GeoJsonFeatures.read(data.resolve("facilities/libraries.geojson"))) {
            Coordinate c = library.geometry().getCoordinate();
            sites.add(Point.of("lib-" + sites.size(), c.y, c.x));
        }
        List<Point> shuffled = new ArrayList<>(demand);
        Collections.shuffle(shuffled, random);
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (Point d : shuffled) {
            if (sites.size() >= n) {
                break;
            }
            long cell = H3Cells.cell(d.lat(), d.lon(), 8);
            if (used.add(cell)) {
                LonLat c = H3Cells.center(cell);
                sites.add(Point.of("h3-" + Long.toHexString(cell), c.lat(), c.lon()));
            }
        }
        return sites;
    }
}
