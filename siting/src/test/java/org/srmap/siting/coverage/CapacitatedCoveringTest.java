package org.srmap.siting.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.siting.Solution;
import org.srmap.siting.center.PCenter;
import org.srmap.siting.problem.Instance;

/** Maximal covering with capacities against every choice of sites, each valued by a max flow of the test's own. */
class CapacitatedCoveringTest {
    @ParameterizedTest
    @CsvSource({"1, 12, 7, 2", "2, 15, 8, 3", "3, 20, 6, 2", "4, 10, 9, 4", "5, 18, 7, 3"})
    void findsTheChoiceThatServesMostAsEveryChoiceConfirms(long seed, int units, int sites, int k) {
        Random random = new Random(seed);
        double[][] d = new double[units][sites];
        double[] w = new double[units];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            w[i] = 1 + random.nextInt(9);
            ids.add("u" + i);
            for (int j = 0; j < sites; j++) {
                d[i][j] = random.nextDouble() * 10;
            }
        }
        double[] capacity = new double[sites];
        List<String> siteIds = new ArrayList<>();
        for (int j = 0; j < sites; j++) {
            capacity[j] = j % 3 == 0 ? Double.POSITIVE_INFINITY : 3 + random.nextInt(12);
            siteIds.add("s" + j);
        }
        Instance in = new Instance(ids, w, siteIds, d);
        double radius = 5;

        double best = 0;
        for (int mask = 0; mask < 1 << sites; mask++) {
            if (Integer.bitCount(mask) == k) {
                best = Math.max(best, maxFlow(in, capacity, radius, mask));
            }
        }
        CapacitatedCovering model = new CapacitatedCovering(Coverage.of(in, radius), capacity, k, List.of());
        Solution exact = model.exact(Duration.ofSeconds(30));
        Solution quick = model.heuristic();

        assertThat(exact.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(exact.objective()).isCloseTo(best, within(1e-6));
        int mask = 0;
        for (int j : exact.sites()) {
            mask |= 1 << j;
        }
        assertThat(maxFlow(in, capacity, radius, mask))
                .as("its sites serve what it says")
                .isCloseTo(best, within(1e-6));
        assertThat(quick.objective()).isLessThanOrEqualTo(best + 1e-6);
        assertThat(quick.bound()).isGreaterThanOrEqualTo(best - 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"11, 10, 7", "12, 12, 6", "13, 9, 8"})
    void setCoveringAndPCenterWithCapacitiesMatchEveryChoice(long seed, int units, int sites) {
        Random random = new Random(seed);
        double[][] d = new double[units][sites];
        double[] w = new double[units];
        List<String> ids = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < units; i++) {
            w[i] = 1 + random.nextInt(9);
            total += w[i];
            ids.add("u" + i);
            for (int j = 0; j < sites; j++) {
                d[i][j] = Math.round(random.nextDouble() * 100);
            }
        }
        double[] capacity = new double[sites];
        List<String> siteIds = new ArrayList<>();
        for (int j = 0; j < sites; j++) {
            capacity[j] = Math.ceil(total / 3) + random.nextInt(8);
            siteIds.add("s" + j);
        }
        Instance in = new Instance(ids, w, siteIds, d);
        double radius = 60;

        int fewest = Integer.MAX_VALUE;
        for (int mask = 1; mask < 1 << sites; mask++) {
            if (Math.abs(maxFlow(in, capacity, radius, mask) - total) < 1e-6) {
                fewest = Math.min(fewest, Integer.bitCount(mask));
            }
        }
        Solution cover = new CapacitatedSetCovering(Coverage.of(in, radius), capacity, 1, List.of())
                .exact(Duration.ofSeconds(30));
        if (fewest == Integer.MAX_VALUE) {
            assertThat(cover.status()).isEqualTo(Solution.Status.INFEASIBLE);
        } else {
            assertThat(cover.status()).isEqualTo(Solution.Status.OPTIMAL);
            assertThat(cover.objective()).isEqualTo(fewest);
        }

        int p = 3;
        double[] radii = Arrays.stream(d)
                .flatMapToDouble(Arrays::stream)
                .sorted()
                .distinct()
                .toArray();
        double smallest = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << sites; mask++) {
            if (Integer.bitCount(mask) == p) {
                for (double r : radii) {
                    if (r < smallest && Math.abs(maxFlow(in, capacity, r, mask) - total) < 1e-6) {
                        smallest = r;
                        break;
                    }
                }
            }
        }
        Solution center = new PCenter(in, p, capacity).exact(Duration.ofSeconds(30));
        assertThat(center.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(center.objective()).isEqualTo(smallest);
    }

    /** The most weight the open sites serve: a max flow source -> units -> sites in reach -> sink. */
    private static double maxFlow(Instance in, double[] capacity, double radius, int mask) {
        int n = in.units();
        int m = in.sites();
        int source = n + m;
        int sink = source + 1;
        double[][] cap = new double[sink + 1][sink + 1];
        for (int i = 0; i < n; i++) {
            cap[source][i] = in.weights()[i];
            for (int j = 0; j < m; j++) {
                if ((mask & 1 << j) != 0 && in.distance()[i][j] <= radius) {
                    cap[i][n + j] = Double.POSITIVE_INFINITY;
                }
            }
        }
        for (int j = 0; j < m; j++) {
            cap[n + j][sink] = (mask & 1 << j) != 0 ? capacity[j] : 0;
        }
        double flow = 0;
        while (true) { // Edmonds-Karp
            int[] parent = new int[sink + 1];
            java.util.Arrays.fill(parent, -1);
            parent[source] = source;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(source));
            while (!queue.isEmpty() && parent[sink] < 0) {
                int u = queue.poll();
                for (int v = 0; v <= sink; v++) {
                    if (parent[v] < 0 && cap[u][v] > 1e-12) {
                        parent[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (parent[sink] < 0) {
                return flow;
            }
            double push = Double.POSITIVE_INFINITY;
            for (int v = sink; v != source; v = parent[v]) {
                push = Math.min(push, cap[parent[v]][v]);
            }
            for (int v = sink; v != source; v = parent[v]) {
                cap[parent[v]][v] -= push;
                cap[v][parent[v]] += push;
            }
            flow += push;
        }
    }
}
