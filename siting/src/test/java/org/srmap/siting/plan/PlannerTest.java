package org.srmap.siting.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.siting.points.Point;
import org.srmap.siting.problem.Haversine;

class PlannerTest {
    /** Demand on a line of longitudes at 40.7 N, one unit every 0.01 degree, weights 1..n. */
    private static List<Point> line(int n) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new Point("d" + i, 40.7, -74 + 0.01 * i, i + 1, Double.POSITIVE_INFINITY));
        }
        return points;
    }

    private static Plan plan(Model model, double radius, int k, List<String> required, List<String> excluded) {
        return new Plan(model, radius, k, 1, required, excluded, Metric.GREAT_CIRCLE, Duration.ofSeconds(30), true);
    }

    @Test
    void coversTheHeaviestStretchAndReportsEachUnitsNearestSite() {
        List<Point> demand = line(10);
        List<Point> sites = List.of(Point.of("west", 40.7, -74.0), Point.of("east", 40.7, -73.91));
        double step = Haversine.metres(40.7, -74, 40.7, -73.99);
        Report r = Planner.solve(plan(Model.MCLP, 2.5 * step, 1, List.of(), List.of()), demand, sites);

        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.sites()).extracting(Report.Site::id).containsExactly("east");
        assertThat(r.objective()).isEqualTo(8 + 9 + 10);
        assertThat(r.gap()).isZero();
        assertThat(r.demand().coveredUnits()).isEqualTo(3);
        assertThat(r.demand().uncoveredWeight()).isEqualTo(55 - 27);
        assertThat(r.assignments().get(0).site()).isEqualTo("east");
        assertThat(r.assignments().get(0).metres()).isCloseTo(9 * step, within(1.0));
        assertThat(r.assignments().get(9).covered()).isTrue();
        assertThat(r.curve()).containsExactly(new Report.CurvePoint(1, 27));
    }

    @Test
    void keepsRequiredSitesAndNeverPicksExcludedOnes() {
        List<Point> demand = line(10);
        List<Point> sites = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sites.add(Point.of("s" + i, 40.7, -74 + 0.01 * i));
        }
        double step = Haversine.metres(40.7, -74, 40.7, -73.99);
        Report r = Planner.solve(plan(Model.MCLP, 1.1 * step, 2, List.of("s0"), List.of("s8")), demand, sites);

        assertThat(r.sites()).extracting(Report.Site::id).containsExactlyInAnyOrder("s0", "s7");
        assertThat(r.sites())
                .filteredOn(Report.Site::required)
                .extracting(Report.Site::id)
                .containsExactly("s0");
        assertThat(r.objective()).isEqualTo(1 + 2 + 7 + 8 + 9);
    }

    @Test
    void ranksSitesByMarginalGainWithGainsThatSumToTheObjective() {
        Random random = new Random(7);
        List<Point> demand = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            demand.add(new Point(
                    "d" + i,
                    40.6 + random.nextDouble() * 0.2,
                    -74 + random.nextDouble() * 0.2,
                    1 + random.nextInt(5),
                    Double.POSITIVE_INFINITY));
        }
        List<Point> sites = new ArrayList<>();
        for (int j = 0; j < 40; j++) {
            sites.add(Point.of("s" + j, 40.6 + random.nextDouble() * 0.2, -74 + random.nextDouble() * 0.2));
        }
        Report r = Planner.solve(plan(Model.MCLP, 2500, 5, List.of(), List.of()), demand, sites);

        assertThat(r.sites()).extracting(Report.Site::gain).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(r.sites().stream().mapToDouble(Report.Site::gain).sum()).isCloseTo(r.objective(), within(1e-9));
        assertThat(r.demand().coveredWeight()).isEqualTo(r.objective());
        assertThat(r.curve()).hasSize(5);
        assertThat(r.curve().get(4).covered()).isLessThanOrEqualTo(r.objective());
        Report quick = Planner.solve(
                new Plan(
                        Model.MCLP,
                        2500,
                        5,
                        1,
                        List.of(),
                        List.of(),
                        Metric.GREAT_CIRCLE,
                        Duration.ofSeconds(30),
                        false),
                demand,
                sites);
        assertThat(quick.status()).isIn("HEURISTIC", "OPTIMAL");
        assertThat(quick.objective()).isLessThanOrEqualTo(r.objective());
        assertThat(quick.bound()).isGreaterThanOrEqualTo(r.objective());
    }

    @Test
    void answersEveryModel() {
        List<Point> demand = line(10);
        List<Point> sites =
                List.of(Point.of("a", 40.7, -74.0), Point.of("b", 40.7, -73.95), Point.of("c", 40.7, -73.91));
        double step = Haversine.metres(40.7, -74, 40.7, -73.99);

        Report lscp = Planner.solve(plan(Model.LSCP, 2.01 * step, 0, List.of(), List.of()), demand, sites);
        assertThat(lscp.objective()).isEqualTo(3);
        assertThat(lscp.demand().uncoveredUnits()).isZero();

        Report median = Planner.solve(plan(Model.PMEDIAN, 0, 1, List.of(), List.of()), demand, sites);
        assertThat(median.sites()).extracting(Report.Site::id).containsExactly("b");
        assertThat(median.sites().get(0).gain()).isNull();
        assertThat(median.demand().coveredUnits()).isNull();

        Report center = Planner.solve(plan(Model.PCENTER, 0, 1, List.of(), List.of()), demand, sites);
        assertThat(center.objective()).isCloseTo(5 * step, within(1.0));
    }

    @Test
    void setCoveringOfMoreThanTheSitesReachIsInfeasible() {
        Report r = Planner.solve(
                plan(Model.LSCP, 100, 0, List.of(), List.of()), line(3), List.of(Point.of("a", 40.7, -74.0)));
        assertThat(r.status()).isEqualTo("INFEASIBLE");
        assertThat(r.objective()).isNull();
        assertThat(r.sites()).isEmpty();
    }

    @Test
    void manhattanDistanceAddsTheLegs() {
        Point a = Point.of("a", 40.7, -74.0);
        Point b = Point.of("b", 40.71, -73.99);
        double legs = Haversine.metres(40.7, -74.0, 40.71, -74.0) + Haversine.metres(40.705, -74.0, 40.705, -73.99);
        assertThat(Metric.MANHATTAN.metres(a, b)).isCloseTo(legs, within(1e-6));
        assertThat(Metric.MANHATTAN.metres(a, b)).isGreaterThan(Metric.GREAT_CIRCLE.metres(a, b));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mclp | 0 | 1 | '' | mclp needs a radius in metres above 0",
                "mclp | 100 | 0 | '' | mclp needs k, the number of sites, at least 1; was 0",
                "pmedian | 0 | 4 | '' | k must be at most the 3 candidate sites, was 4",
                "pmedian | 0 | 1 | zz | required site 'zz' is not among the candidates",
                "pmedian | 0 | 1 | a;b | k must be at least the 2 required sites, was 1",
                "pcenter | 0 | 1 | a | pcenter does not take required sites",
                "median | 0 | 1 | '' | model must be one of mclp, lscp, pmedian, pcenter, was 'median'",
            })
    void refusesPlansThatDoNotFit(String model, double radius, int k, String required, String message) {
        List<Point> sites =
                List.of(Point.of("a", 40.7, -74.0), Point.of("b", 40.7, -73.95), Point.of("c", 40.7, -73.9));
        List<String> ids = required.isEmpty() ? List.of() : List.of(required.split(";"));
        assertThatThrownBy(() -> Planner.solve(plan(Model.parse(model), radius, k, ids, List.of()), line(3), sites))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void setCoveringAndPCenterNeedMoreSitesWhenSitesHoldLess() {
        List<Point> demand = line(4); // weights 1..4 at 0.01 degree steps
        double step = Haversine.metres(40.7, -74, 40.7, -73.99);
        List<Point> roomy = List.of(Point.of("a", 40.7, -73.985), Point.of("b", 40.7, -73.975));
        List<Point> small = List.of(new Point("a", 40.7, -73.985, 1, 6), new Point("b", 40.7, -73.975, 1, 6));
        Report lscp = Planner.solve(plan(Model.LSCP, 2 * step, 0, List.of(), List.of()), demand, roomy);
        assertThat(lscp.objective()).as("site a reaches all four").isEqualTo(1);
        Report lscpSmall = Planner.solve(plan(Model.LSCP, 2 * step, 0, List.of(), List.of()), demand, small);
        assertThat(lscpSmall.objective()).as("10 in all, 6 a site").isEqualTo(2);
        Report center = Planner.solve(plan(Model.PCENTER, 0, 1, List.of(), List.of()), demand, small);
        assertThat(center.status()).as("one site cannot hold 10").isEqualTo("INFEASIBLE");
    }

    @Test
    void maximalCoveringServesNoMoreThanASiteHolds() {
        List<Point> demand = line(10); // weights 1..10, 0.01 degrees apart
        double step = Haversine.metres(40.7, -74, 40.7, -73.99);
        List<Point> sites = List.of(new Point("east", 40.7, -73.91, 1, 12), Point.of("west", 40.7, -74.0));
        Report r = Planner.solve(plan(Model.MCLP, 2.5 * step, 1, List.of(), List.of()), demand, sites);
        assertThat(r.sites()).extracting(Report.Site::id).containsExactly("east");
        assertThat(r.objective())
                .as("east reaches 8 + 9 + 10 = 27 but holds 12")
                .isEqualTo(12);
        assertThat(r.sites().get(0).gain()).isNull();
        Report two = Planner.solve(plan(Model.MCLP, 2.5 * step, 2, List.of(), List.of()), demand, sites);
        assertThat(two.objective()).isEqualTo(12 + 1 + 2 + 3);
    }
}
