package org.srmap.siting.center;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.coverage.CapacitatedSetCovering;
import org.srmap.siting.coverage.Coverage;
import org.srmap.siting.coverage.SetCovering;
import org.srmap.siting.problem.Instance;

/**
 * The p-center problem (Hakimi, 1964): open p sites so that the farthest demand unit (of positive
 * weight) is as near as possible to its nearest open site. The optimum is one of the distances, the
 * smallest at which p sites can cover every unit, so a bisection over the sorted distances asks
 * the exact set covering model whether p sites suffice.
 */
public final class PCenter {
    private final Instance weighed;
    private final int p;
    private final double[] capacity;

    public PCenter(Instance in, int p) {
        this(in, p, null);
    }

    /**
     * With site capacities (null: none), every unit must be served in full by sites within the
     * radius, none serving more than its capacity (demand divisible).
     */
    public PCenter(Instance in, int p, double[] capacity) {
        if (p < 1 || p > in.sites()) {
            throw new IllegalArgumentException("p must be 1.." + in.sites() + ", was " + p);
        }
        if (capacity != null && capacity.length != in.sites()) {
            throw new IllegalArgumentException("capacity must be one per site, was " + capacity.length);
        }
        this.weighed = positive(in, capacity != null);
        this.p = p;
        this.capacity = capacity == null ? null : capacity.clone();
    }

    /**
     * The optimal radius and its sites, each covering decision proven by SCIP within the limit. A
     * decision SCIP cannot settle in time counts as "p sites do not suffice" for the search, but not
     * for the bound: the bound is the radius above the largest one proven too small, so the gap
     * stays certified.
     */
    public Solution exact(Duration limitPerStep) {
        long start = System.nanoTime();
        double[] radii = candidates();
        int lo = 0;
        int hi = radii.length - 1; // the farthest distance: any one site covers everything
        int provenLo = 0; // every radius below this index is proven too small for p sites
        Solution best = cover(radii[hi], limitPerStep);
        if (best.status() == Solution.Status.INFEASIBLE || best.sites().size() > p) {
            // at the farthest distance every site reaches every unit: only capacities can make p too few
            boolean proven = best.status() == Solution.Status.INFEASIBLE || best.bound() > p;
            return new Solution(
                    List.of(),
                    Double.NaN,
                    Double.NaN,
                    proven ? Solution.Status.INFEASIBLE : Solution.Status.TIME_LIMIT,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Solution s = cover(radii[mid], limitPerStep);
            boolean suffices =
                    s.status() != Solution.Status.INFEASIBLE && !s.sites().isEmpty() && s.objective() <= p;
            if (suffices) {
                hi = mid;
                best = s;
            } else {
                lo = mid + 1;
                if (s.status() == Solution.Status.INFEASIBLE || s.bound() > p) {
                    provenLo = Math.max(provenLo, mid + 1);
                }
            }
        }
        double radius = radii[hi];
        return new Solution(
                best.sites(),
                radius,
                radii[Math.min(provenLo, hi)],
                provenLo >= hi ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The fewest sites covering every unit of positive weight within the radius. */
    private Solution cover(double radius, Duration limit) {
        return capacity == null
                ? new SetCovering(Coverage.of(weighed, radius), 1, List.of()).exact(limit)
                : new CapacitatedSetCovering(Coverage.of(weighed, radius), capacity, 1, List.of()).exact(limit);
    }

    /**
     * The instance without its units of no weight, which need no site; all weighing one unless
     * capacities make their weights count.
     */
    private static Instance positive(Instance in, boolean keepWeights) {
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < in.units(); i++) {
            if (in.weights()[i] > 0) {
                ids.add(in.demandIds().get(i));
                rows.add(in.distance()[i]);
            }
        }
        double[] weights = new double[ids.size()];
        Arrays.fill(weights, 1);
        if (keepWeights) {
            int k = 0;
            for (int i = 0; i < in.units(); i++) {
                if (in.weights()[i] > 0) {
                    weights[k++] = in.weights()[i];
                }
            }
        }
        return new Instance(ids, weights, in.siteIds(), rows.toArray(new double[0][]));
    }

    /** Every distinct distance, ascending. */
    private double[] candidates() {
        return Arrays.stream(weighed.distance())
                .flatMapToDouble(Arrays::stream)
                .sorted()
                .distinct()
                .toArray();
    }
}
