package org.srmap.siting.coverage;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.mip.Solvers;

/**
 * Maximal covering with site capacities (Current and Storbeck, 1988): open k sites, the required
 * ones among them, to serve the most demand weight, each unit only by sites within the radius and
 * each site at most its capacity. Demand is divisible: a unit's weight may be shared by several
 * sites. Greedy opens the site that can serve the most of what is left, filling it from the units
 * with the fewest other sites first; the chosen sites' value is then the best assignment to them
 * (a transportation problem, GLOP); the bound is the linear relaxation, and SCIP, started from the
 * heuristic, proves or improves it.
 */
public final class CapacitatedCovering {
    private final Coverage coverage;
    private final double[] capacity;
    private final int k;
    private final List<Integer> required;

    /**
     * @param capacity each site's capacity in weight, above 0 (infinite: no limit)
     */
    public CapacitatedCovering(Coverage coverage, double[] capacity, int k, Collection<Integer> required) {
        int sites = coverage.groupsOf.length;
        if (capacity.length != sites) {
            throw new IllegalArgumentException(
                    "capacity must be one per site, was " + capacity.length + " for " + sites);
        }
        if (k < 1 || k > sites) {
            throw new IllegalArgumentException("k must be 1.." + sites + ", was " + k);
        }
        if (required.size() > k) {
            throw new IllegalArgumentException(
                    "k must be at least the " + required.size() + " required sites, was " + k);
        }
        this.coverage = coverage;
        this.capacity = capacity.clone();
        this.k = k;
        this.required = List.copyOf(required);
    }

    /** Greedy with capacities, valued by the best assignment to its sites, and the LP bound. */
    public Solution heuristic() {
        long start = System.nanoTime();
        List<Integer> open = greedy();
        double value = served(open);
        double bound = solve(null);
        return new Solution(
                open,
                value,
                Math.max(value, Double.isNaN(bound) ? coverage.coverable() : bound),
                Solution.Status.HEURISTIC,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The heuristic's answer, proven or improved by SCIP within the time limit. */
    public Solution exact(Duration limit) {
        long start = System.nanoTime();
        Solution first = heuristic();
        if (first.gap() < 1e-9) {
            return new Solution(
                    first.sites(),
                    first.objective(),
                    first.objective(),
                    Solution.Status.OPTIMAL,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        List<Integer> open = new ArrayList<>();
        double[] bestBound = {Double.NaN};
        MPSolver.ResultStatus status = solveExact(limit, first.sites(), open, bestBound);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return new Solution(first.sites(), first.objective(), first.bound(), Solution.Status.TIME_LIMIT, time);
        }
        double value = served(open);
        if (value < first.objective()) {
            open = first.sites();
            value = first.objective();
        }
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        double bound = optimal ? value : Math.max(value, Math.min(first.bound(), bestBound[0]));
        return new Solution(open, value, bound, optimal ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT, time);
    }

    /** The most weight the given open sites can serve: the best assignment to them. */
    public double served(List<Integer> open) {
        boolean[] isOpen = new boolean[capacity.length];
        open.forEach(j -> isOpen[j] = true);
        double value = solve(isOpen);
        return Double.isNaN(value) ? 0 : value;
    }

    private List<Integer> greedy() {
        double[] left = coverage.weight.clone();
        boolean[] isOpen = new boolean[capacity.length];
        List<Integer> open = new ArrayList<>();
        for (int j : required) {
            if (!isOpen[j]) {
                fill(j, left);
                isOpen[j] = true;
                open.add(j);
            }
        }
        while (open.size() < k) {
            int best = -1;
            double bestGain = -1;
            for (int j = 0; j < capacity.length; j++) {
                if (isOpen[j]) {
                    continue;
                }
                double reach = 0;
                for (int g : coverage.groupsOf[j]) {
                    reach += left[g];
                }
                double gain = Math.min(capacity[j], reach);
                if (gain > bestGain) {
                    best = j;
                    bestGain = gain;
                }
            }
            fill(best, left);
            isOpen[best] = true;
            open.add(best);
        }
        return open;
    }

    /** Serves from site j's capacity what is left of its groups, those with the fewest sites first. */
    private void fill(int j, double[] left) {
        Integer[] groups = Arrays.stream(coverage.groupsOf[j]).boxed().toArray(Integer[]::new);
        Arrays.sort(groups, (a, b) -> Integer.compare(coverage.sitesOf[a].length, coverage.sitesOf[b].length));
        double room = capacity[j];
        for (int g : groups) {
            double take = Math.min(room, left[g]);
            left[g] -= take;
            room -= take;
            if (room <= 0) {
                break;
            }
        }
    }

    /**
     * The relaxation (fixed == null), or the best assignment to the fixed open sites; NaN when GLOP
     * fails numerically.
     */
    private double solve(boolean[] fixed) {
        try (Solvers.Lease lease = Solvers.linear()) {
            MPSolver solver = lease.solver();
            model(solver, false, fixed);
            MPSolver.ResultStatus status = solver.solve();
            return status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() * scale() : Double.NaN;
        }
    }

    private MPSolver.ResultStatus solveExact(Duration limit, List<Integer> hint, List<Integer> open, double[] bound) {
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            MPSolver solver = lease.solver();
            MPVariable[] x = model(solver, true, null);
            double[] start = new double[x.length];
            hint.forEach(j -> start[j] = 1);
            solver.setHint(x, start);
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                for (int j = 0; j < x.length; j++) {
                    if (x[j].solutionValue() > 0.5) {
                        open.add(j);
                    }
                }
                bound[0] = solver.objective().bestBound() * scale();
            }
            return status;
        }
    }

    /**
     * Max the served weight (see {@link ServedWeight}) with k open sites, or with the given sites
     * open (fixed).
     */
    private MPVariable[] model(MPSolver solver, boolean integer, boolean[] fixed) {
        ServedWeight m = new ServedWeight(solver, coverage, capacity, required, integer, fixed, scale());
        m.maximiseServed();
        if (fixed == null) {
            m.openExactly(k);
        }
        return m.x;
    }

    private double scale() {
        return Math.max(coverage.coverable(), Double.MIN_NORMAL);
    }
}
