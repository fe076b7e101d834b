package org.srmap.siting.median;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.mip.Solvers;
import org.srmap.siting.problem.Instance;
import org.srmap.siting.problem.TopSites;

/**
 * The capacitated p-median problem: open p sites, the required ones among them, so that serving
 * all demand costs the least weighted distance, no site serving more than its capacity. Demand is
 * divisible (a unit may be served by several sites), so the cost of a choice of sites is a
 * transportation problem (GLOP). The heuristic tries the uncapacitated answer, the linear
 * relaxation's rounded and the largest sites, keeping the cheapest that can serve everything; SCIP,
 * started from it, proves or improves it.
 */
public final class CapacitatedPMedian {
    /** The largest model, in unit-site pairs, it builds (each pair is a variable). */
    public static final long MAX_PAIRS = 1_000_000;

    private final Instance in;
    private final int p;
    private final List<Integer> required;
    private final double[] capacity;

    public CapacitatedPMedian(Instance in, int p, Collection<Integer> required, double[] capacity) {
        if (capacity.length != in.sites()) {
            throw new IllegalArgumentException("capacity must be one per site, was " + capacity.length);
        }
        if ((long) in.units() * in.sites() > MAX_PAIRS) {
            throw new IllegalArgumentException("p-median with site capacities is limited to " + MAX_PAIRS
                    + " unit-site pairs, was " + (long) in.units() * in.sites() + ": aggregate the demand coarser");
        }
        new PMedian(in, p, required); // the same checks of p and the required sites
        this.in = in;
        this.p = p;
        this.required = List.copyOf(required);
        this.capacity = capacity.clone();
    }

    /** The least cost of serving all demand from the open sites; NaN when they cannot hold it. */
    public double cost(List<Integer> open) {
        boolean[] fixed = new boolean[in.sites()];
        open.forEach(j -> fixed[j] = true);
        return solve(fixed, null);
    }

    /** The cheapest feasible of the starting choices, with the relaxation's bound. */
    public Solution heuristic() {
        long start = System.nanoTime();
        double[] x = new double[in.sites()];
        double bound = solve(null, x);
        if (Double.isNaN(bound)) {
            return infeasible(start);
        }
        List<List<Integer>> starts = List.of(
                new PMedian(in, p, required).heuristic().sites(),
                TopSites.of(x, required, p),
                TopSites.of(capacity, required, p));
        List<Integer> best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (List<Integer> open : starts) {
            double c = cost(open);
            if (c < bestCost) {
                best = open;
                bestCost = c;
            }
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (best == null) { // none can serve everything; the exact solver may still find sites that do
            return new Solution(List.of(), Double.NaN, bound, Solution.Status.HEURISTIC, time);
        }
        return new Solution(best, bestCost, Math.min(bestCost, bound), Solution.Status.HEURISTIC, time);
    }

    /** The heuristic's answer, proven or improved by SCIP within the time limit. */
    public Solution exact(Duration limit) {
        long start = System.nanoTime();
        Solution first = heuristic();
        if (first.status() == Solution.Status.INFEASIBLE || (!first.sites().isEmpty() && first.gap() < 1e-9)) {
            return new Solution(
                    first.sites(),
                    first.objective(),
                    first.bound(),
                    first.sites().isEmpty() ? first.status() : Solution.Status.OPTIMAL,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            MPSolver solver = lease.solver();
            MPVariable[] x = model(solver, true, null);
            double[] hint = new double[x.length];
            first.sites().forEach(j -> hint[j] = 1);
            if (!first.sites().isEmpty()) {
                solver.setHint(x, hint);
            }
            MPSolver.ResultStatus status = solver.solve();
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return infeasible(start);
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Solution(first.sites(), first.objective(), first.bound(), Solution.Status.TIME_LIMIT, time);
            }
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                if (x[j].solutionValue() > 0.5) {
                    open.add(j);
                }
            }
            double value = cost(open);
            if (first.sites().isEmpty() || value > first.objective()) {
                if (!first.sites().isEmpty()) {
                    open = first.sites();
                    value = first.objective();
                }
            }
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            double bound = optimal
                    ? value
                    : Math.max(first.bound(), solver.objective().bestBound() * in.maxWeightedDistance());
            return new Solution(
                    open,
                    value,
                    Math.min(value, bound),
                    optimal ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                    time);
        }
    }

    private Solution infeasible(long start) {
        return new Solution(
                List.of(),
                Double.NaN,
                Double.NaN,
                Solution.Status.INFEASIBLE,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The relaxation (fixed == null; its site values into x when given) or the transportation
     * problem of the fixed open sites: the optimum, NaN when infeasible or failed.
     */
    private double solve(boolean[] fixed, double[] x) {
        try (Solvers.Lease lease = Solvers.linear()) {
            MPSolver solver = lease.solver();
            MPVariable[] open = model(solver, false, fixed);
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return Double.NaN;
            }
            if (x != null) {
                for (int j = 0; j < open.length; j++) {
                    x[j] = open[j].solutionValue();
                }
            }
            return solver.objective().value() * in.maxWeightedDistance();
        }
    }

    /**
     * x_j open, z_ij the share of unit i served by j: min sum w_i d_ij z_ij, sum_j z_ij = 1, z_ij <=
     * x_j, sum_i w_i z_ij <= C_j x_j, sum x = p (or x fixed); objective scaled to at most 1.
     */
    private MPVariable[] model(MPSolver solver, boolean integer, boolean[] fixed) {
        int sites = in.sites();
        double scale = in.maxWeightedDistance();
        double weightScale = Math.max(Arrays.stream(in.weights()).max().orElse(1), Double.MIN_NORMAL);
        MPVariable[] x = new MPVariable[sites];
        MPConstraint[] room = new MPConstraint[sites];
        for (int j = 0; j < sites; j++) {
            x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
            if (fixed != null) {
                x[j].setBounds(fixed[j] ? 1 : 0, fixed[j] ? 1 : 0);
            }
            if (Double.isFinite(capacity[j])) {
                room[j] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                room[j].setCoefficient(x[j], -capacity[j] / weightScale);
            }
        }
        for (int j : required) {
            x[j].setLb(1);
        }
        MPObjective objective = solver.objective();
        for (int i = 0; i < in.units(); i++) {
            MPConstraint served = solver.makeConstraint(1, 1);
            for (int j = 0; j < sites; j++) {
                MPVariable z = solver.makeNumVar(0, 1, "z" + i + "_" + j);
                served.setCoefficient(z, 1);
                objective.setCoefficient(z, in.weights()[i] * in.distance()[i][j] / scale);
                MPConstraint onlyOpen = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                onlyOpen.setCoefficient(z, 1);
                onlyOpen.setCoefficient(x[j], -1);
                if (room[j] != null) {
                    room[j].setCoefficient(z, in.weights()[i] / weightScale);
                }
            }
        }
        objective.setMinimization();
        if (fixed == null) {
            MPConstraint count = solver.makeConstraint(p, p);
            for (MPVariable v : x) {
                count.setCoefficient(v, 1);
            }
        }
        return x;
    }
}
