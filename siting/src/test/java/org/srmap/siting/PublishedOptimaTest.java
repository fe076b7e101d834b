package org.srmap.siting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.siting.center.PCenter;
import org.srmap.siting.coverage.Coverage;
import org.srmap.siting.coverage.MaximalCovering;
import org.srmap.siting.coverage.SetCovering;
import org.srmap.siting.median.PMedian;
import org.srmap.siting.problem.Instance;

/** The solvers reproduce the published optimal values of ../shared/data/siting (its README). */
class PublishedOptimaTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @CsvSource({"1, 448255", "2, 671938", "3, 791499", "4, 875247", "5, 927402", "6, 941462", "7, 950428", "8, 955113"})
    void sanFranciscoMaximalCovering(int p, double expected) throws Exception {
        Instance sf = SitingCases.sanFrancisco();
        MaximalCovering model = new MaximalCovering(Coverage.of(sf, 5000), p, List.of());

        Solution exact = model.exact(LIMIT);
        assertThat(exact.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(exact.objective()).isEqualTo(expected);
        Solution quick = model.heuristic();
        assertThat(quick.objective()).as("the heuristic's answer").isLessThanOrEqualTo(expected);
        assertThat(quick.bound()).as("its bound holds").isGreaterThanOrEqualTo(expected);
    }

    @Test
    void sanFranciscoMaximalCoveringOfFourSitesCoversAll184Tracts() throws Exception {
        Instance sf = SitingCases.sanFrancisco();
        Solution s = new MaximalCovering(Coverage.of(sf, 5000), 4, List.of()).exact(LIMIT);
        List<String> sites = s.sites().stream().map(sf.siteIds()::get).sorted().toList();
        assertThat(sites).containsExactlyInAnyOrder("Store_2", "Store_11", "Store_12", "Store_15");
        long covered = 0;
        for (double[] row : sf.distance()) {
            if (s.sites().stream().anyMatch(j -> row[j] <= 5000)) {
                covered++;
            }
        }
        assertThat(covered).isEqualTo(184);
    }

    @Test
    void sanFranciscoSetCoveringNeedsEightSites() throws Exception {
        Solution s = new SetCovering(Coverage.of(SitingCases.sanFrancisco(), 5000), 1, List.of()).exact(LIMIT);
        assertThat(s.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(s.objective()).isEqualTo(8);
        assertThat(s.sites()).hasSize(8);
    }

    @Test
    void sanFranciscoPMedianAndPCenter() throws Exception {
        Instance sf = SitingCases.sanFrancisco();
        Solution median = new PMedian(sf, 4, List.of()).exact(LIMIT);
        assertThat(median.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(median.objective()).isCloseTo(2_848_268_129.7145, within(1e-3));
        assertThat(median.objective() / sf.totalWeight()).isCloseTo(2982.1268579890657, within(1e-9));
        Solution center = new PCenter(sf, 4).exact(LIMIT);
        assertThat(center.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(center.objective()).isCloseTo(7403.0638, within(1e-4));
    }

    @ParameterizedTest
    @CsvSource({"pmed1, 5819", "pmed2, 4093", "pmed3, 4250", "pmed4, 3034", "pmed5, 1355", "pmed6, 7824"})
    void orLibraryPMedian(String name, double expected) throws Exception {
        Map.Entry<Instance, Integer> graph = SitingCases.orLibrary(name);
        Solution s = new PMedian(graph.getKey(), graph.getValue(), List.of()).exact(LIMIT);
        assertThat(s.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(s.objective()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"pmed1, 127", "pmed2, 98", "pmed3, 93", "pmed5, 48"})
    void orLibraryPCenter(String name, double expected) throws Exception {
        Map.Entry<Instance, Integer> graph = SitingCases.orLibrary(name);
        Solution s = new PCenter(graph.getKey(), graph.getValue()).exact(LIMIT);
        assertThat(s.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(s.objective()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "10, 425, 502, 548, 581, 609",
        "15, 515, 593, 625, 638, 640",
        "20, 573, 631, 640, 640, 640",
    })
    void swainMaximalCovering(double radius, double p1, double p2, double p3, double p4, double p5) throws Exception {
        Coverage coverage = Coverage.of(SitingCases.swain(true), radius);
        double[] expected = {p1, p2, p3, p4, p5};
        for (int p = 1; p <= 5; p++) {
            Solution s = new MaximalCovering(coverage, p, List.of()).exact(LIMIT);
            assertThat(s.objective()).as("S=%s p=%d", radius, p).isEqualTo(expected[p - 1]);
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 30", "8, 13", "10, 9", "12, 7", "15, 5", "20, 3", "25, 2", "30, 1"})
    void swainSetCovering(double radius, int sites) throws Exception {
        Solution s = new SetCovering(Coverage.of(SitingCases.swain(false), radius), 1, List.of()).exact(LIMIT);
        assertThat(s.objective()).isEqualTo(sites);
    }

    @ParameterizedTest
    @CsvSource({"1, 5773.9616", "2, 4614.7655", "3, 3870.2442", "4, 3283.8604", "5, 2950.4098"})
    void swainWeightedPMedian(int p, double expected) throws Exception {
        Solution s = new PMedian(SitingCases.swain(true), p, List.of()).exact(LIMIT);
        assertThat(s.objective()).isCloseTo(expected, within(1e-4));
    }

    @ParameterizedTest
    @CsvSource({"1, 28.2843", "2, 23.1948", "3, 17.4642", "4, 15.6205", "5, 13.6015"})
    void swainPCenter(int p, double expected) throws Exception {
        Solution s = new PCenter(SitingCases.swain(false), p).exact(LIMIT);
        assertThat(s.objective()).isCloseTo(expected, within(1e-4));
    }
}
