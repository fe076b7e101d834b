package org.srmap.siting.median;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.siting.Solution;
import org.srmap.siting.problem.Instance;

/** The capacitated p-median against every choice of sites, each costed by a min-cost flow of the test's own. */
class CapacitatedPMedianTest {
    @ParameterizedTest
    @CsvSource({"1, 8, 6, 2", "2, 10, 7, 3", "3, 12, 6, 2", "4, 9, 8, 4", "5, 11, 7, 3"})
    void findsTheCheapestChoiceAsEveryChoiceConfirms(long seed, int units, int sites, int p) {
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
            capacity[j] = Math.ceil(total / p) + random.nextInt(10); // any p sites can hold everything
            siteIds.add("s" + j);
        }
        Instance in = new Instance(ids, w, siteIds, d);

        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << sites; mask++) {
            if (Integer.bitCount(mask) == p) {
                best = Math.min(best, minCostFlow(in, capacity, mask));
            }
        }
        CapacitatedPMedian model = new CapacitatedPMedian(in, p, List.of(), capacity);
        Solution exact = model.exact(Duration.ofSeconds(30));
        Solution quick = model.heuristic();

        assertThat(exact.status()).isEqualTo(Solution.Status.OPTIMAL);
        assertThat(exact.objective()).isCloseTo(best, within(1e-6 * best));
        int mask = 0;
        for (int j : exact.sites()) {
            mask |= 1 << j;
        }
        assertThat(minCostFlow(in, capacity, mask))
                .as("its sites cost what it says")
                .isCloseTo(best, within(1e-6 * best));
        assertThat(quick.objective()).isGreaterThanOrEqualTo(best - 1e-6 * best);
        assertThat(quick.bound()).isLessThanOrEqualTo(best + 1e-6 * best);
    }

    @Test
    void sitesThatCannotHoldTheDemandAreInfeasible() {
        Instance in = new Instance(
                List.of("a", "b"), new double[] {5, 5}, List.of("s", "t"), new double[][] {{1, 2}, {2, 1}});
        Solution s = new CapacitatedPMedian(in, 1, List.of(), new double[] {6, 6}).exact(Duration.ofSeconds(10));
        assertThat(s.status()).isEqualTo(Solution.Status.INFEASIBLE);
        assertThat(s.sites()).isEmpty();
    }

    /** The least cost of serving every unit from the open sites within their capacities (infinite if they cannot). */
    private static double minCostFlow(Instance in, double[] capacity, int mask) {
        int n = in.units();
        int m = in.sites();
        int source = n + m;
        int sink = source + 1;
        int size = sink + 1;
        double[][] cap = new double[size][size];
        double[][] cost = new double[size][size];
        double need = 0;
        for (int i = 0; i < n; i++) {
            cap[source][i] = in.weights()[i];
            need += in.weights()[i];
            for (int j = 0; j < m; j++) {
                if ((mask & 1 << j) != 0) {
                    cap[i][n + j] = Double.POSITIVE_INFINITY;
                    cost[i][n + j] = in.distance()[i][j];
                    cost[n + j][i] = -in.distance()[i][j];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            cap[n + j][sink] = (mask & 1 << j) != 0 ? capacity[j] : 0;
        }
        double flow = 0;
        double total = 0;
        while (flow < need - 1e-9) { // successive shortest paths, Bellman-Ford
            double[] dist = new double[size];
            int[] parent = new int[size];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(parent, -1);
            dist[source] = 0;
            for (int round = 0; round < size; round++) {
                for (int u = 0; u < size; u++) {
                    if (dist[u] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    for (int v = 0; v < size; v++) {
                        if (cap[u][v] > 1e-12 && dist[u] + cost[u][v] < dist[v] - 1e-12) {
                            dist[v] = dist[u] + cost[u][v];
                            parent[v] = u;
                        }
                    }
                }
            }
            if (parent[sink] < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double push = need - flow;
            for (int v = sink; v != source; v = parent[v]) {
                push = Math.min(push, cap[parent[v]][v]);
            }
            for (int v = sink; v != source; v = parent[v]) {
                cap[parent[v]][v] -= push;
                cap[v][parent[v]] += push;
                total += push * cost[parent[v]][v];
            }
            flow += push;
        }
        return total;
    }
}
