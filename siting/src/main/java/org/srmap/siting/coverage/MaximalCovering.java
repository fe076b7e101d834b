package org.srmap.siting.coverage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.mip.Solvers;

/**
 * The maximal covering location problem (Church and ReVelle, 1974): open k sites, the required ones
 * among them, to cover the most demand weight within the radius. Greedy and swap give an answer in
 * moments, the linear relaxation (GLOP) a bound on the optimum, and SCIP, started from the
 * heuristic's answer, the proof.
 */
public final class MaximalCovering {
    private final Coverage coverage;
    private final int k;
    private final List<Integer> required;

    /**
     * @param coverage the coverage at the model's radius
     * @param k how many sites to open, at least the required ones
     * @param required sites that are open already
     */
    public MaximalCovering(Coverage coverage, int k, Collection<Integer> required) {
        this.coverage = coverage;
        this.required = List.copyOf(required);
        int sites = coverage.groupsOf.length;
        if (k < 1 || k > sites) {
            throw new IllegalArgumentException("k must be 1.." + sites + ", was " + k);
        }
        if (this.required.size() > k) {
            throw new IllegalArgumentException(
                    "k must be at least the " + this.required.size() + " required sites, was " + k);
        }
        for (int j : this.required) {
            if (j < 0 || j >= sites) {
                throw new IllegalArgumentException("required site " + j + " is not one of the " + sites);
            }
        }
        this.k = k;
    }

    /**
     * Greedy (the required sites, then the site adding the most weight, k times) and then swaps of
     * one open site for one closed one while any covers more; the bound is the linear relaxation's.
     */
    public Solution heuristic() {
        long start = System.nanoTime();
        List<Integer> open = SwapSearch.improve(coverage, SwapSearch.greedy(coverage, k, required), required);
        double value = coverage.covered(open);
        return new Solution(
                SwapSearch.byMarginalGain(coverage, open),
                value,
                Math.max(value, lpBound()),
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
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            MPSolver solver = lease.solver();
            MPVariable[] x = model(solver, true);
            double[] hint = new double[x.length];
            for (int j : first.sites()) {
                hint[j] = 1;
            }
            solver.setHint(x, hint);
            MPSolver.ResultStatus status = solver.solve();
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Solution(first.sites(), first.objective(), first.bound(), Solution.Status.TIME_LIMIT, time);
            }
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                if (x[j].solutionValue() > 0.5) {
                    open.add(j);
                }
            }
            double value = coverage.covered(open);
            if (value < first.objective()) {
                open = first.sites();
                value = first.objective();
            }
            double bound = status == MPSolver.ResultStatus.OPTIMAL
                    ? value
                    : Math.min(first.bound(), solver.objective().bestBound());
            return new Solution(
                    SwapSearch.byMarginalGain(coverage, open),
                    value,
                    Math.max(bound, value),
                    status == MPSolver.ResultStatus.OPTIMAL ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                    time);
        }
    }

    /**
     * The weight greedy and swap cover with 1..maxK sites (from the number of required sites on),
     * the planner's coverage-versus-k curve; entry k - 1 is k sites, NaN below the required count.
     */
    public static double[] curve(Coverage coverage, int maxK, Collection<Integer> required) {
        double[] covered = new double[maxK];
        for (int k = 1; k <= maxK; k++) {
            covered[k - 1] = k < required.size()
                    ? Double.NaN
                    : coverage.covered(
                            SwapSearch.improve(coverage, SwapSearch.greedy(coverage, k, required), required));
        }
        return covered;
    }

    /** The optimum of the linear relaxation: no choice of k sites covers more. */
    public double lpBound() {
        try (Solvers.Lease lease = Solvers.linear()) {
            MPSolver solver = lease.solver();
            model(solver, false);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("the linear relaxation of a covering model ended " + status);
            }
            return solver.objective().value();
        }
    }

    /** x_j open, y_g covered: max sum w_g y_g, y_g <= sum of x over g's sites, sum x = k. */
    private MPVariable[] model(MPSolver solver, boolean integer) {
        int sites = coverage.groupsOf.length;
        MPVariable[] x = new MPVariable[sites];
        for (int j = 0; j < sites; j++) {
            x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
        }
        for (int j : required) {
            x[j].setLb(1);
        }
        MPObjective objective = solver.objective();
        for (int g = 0; g < coverage.groups(); g++) {
            MPVariable y = solver.makeNumVar(0, 1, "y" + g);
            objective.setCoefficient(y, coverage.weight[g]);
            MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            c.setCoefficient(y, 1);
            for (int j : coverage.sitesOf[g]) {
                c.setCoefficient(x[j], -1);
            }
        }
        objective.setMaximization();
        MPConstraint count = solver.makeConstraint(k, k);
        for (MPVariable v : x) {
            count.setCoefficient(v, 1);
        }
        return x;
    }
}
