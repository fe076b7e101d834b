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
import org.srmap.siting.problem.TopSites;

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
     * Greedy (the required sites, then the site adding the most weight, k times) and the linear
     * relaxation's answer rounded (its k largest sites), each improved by swaps of one open site for
     * one closed one while any covers more; the better of the two, with the relaxation's optimum as
     * its bound.
     */
    public Solution heuristic() {
        long start = System.nanoTime();
        List<Integer> greedy = SwapSearch.improve(coverage, SwapSearch.greedy(coverage, k, required), required);
        double fromGreedy = coverage.covered(greedy);
        if (fromGreedy >= coverage.coverable() - 1e-9 * Math.max(1, fromGreedy)) {
            // every unit some site reaches is covered: nothing can cover more, no relaxation needed
            return new Solution(
                    SwapSearch.byMarginalGain(coverage, greedy),
                    fromGreedy,
                    fromGreedy,
                    Solution.Status.HEURISTIC,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Relaxation lp = relaxation();
        List<Integer> rounded = SwapSearch.improve(coverage, TopSites.of(lp.x(), required, k), required);
        double fromRounded = coverage.covered(rounded);
        List<Integer> open = fromRounded > fromGreedy ? rounded : greedy;
        double value = Math.max(fromGreedy, fromRounded);
        return new Solution(
                SwapSearch.byMarginalGain(coverage, open),
                value,
                Math.max(value, lp.bound()),
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
                    : Math.min(first.bound(), solver.objective().bestBound() * scale());
            return new Solution(
                    SwapSearch.byMarginalGain(coverage, open),
                    value,
                    Math.max(bound, value),
                    status == MPSolver.ResultStatus.OPTIMAL ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                    time);
        }
    }

    /**
     * The weight greedy covers with 1..maxK sites (from the number of required sites on), the
     * planner's coverage-versus-k curve: one greedy run, since greedy's k sites are the first k of
     * its maxK. Entry k - 1 is k sites, NaN below the required count.
     */
    public static double[] curve(Coverage coverage, int maxK, Collection<Integer> required) {
        List<Integer> order = SwapSearch.greedy(coverage, maxK, required);
        double[] covered = new double[maxK];
        for (int k = 1; k <= maxK; k++) {
            covered[k - 1] = k < required.size() ? Double.NaN : coverage.covered(order.subList(0, k));
        }
        return covered;
    }

    /** The optimum of the linear relaxation: no choice of k sites covers more. */
    public double lpBound() {
        return relaxation().bound();
    }

    /** The linear relaxation's optimum and its site values. */
    @SuppressWarnings("ArrayRecordComponent") // private, never shared
    private record Relaxation(double bound, double[] x) {}

    private Relaxation relaxation() {
        try (Solvers.Lease lease = Solvers.linear()) {
            MPSolver solver = lease.solver();
            MPVariable[] x = model(solver, false);
            // GLOP's dual simplex: 0.8 s instead of 3.1 s for 10,000 cells x 1,000 sites at 3 km, at
            // most 0.4 s slower at 1.5 km (bench/siting.sh)
            solver.setSolverSpecificParametersAsString("use_dual_simplex: true");
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                // a numerical failure: all the coverable weight still bounds the optimum
                return new Relaxation(coverage.coverable(), new double[x.length]);
            }
            double[] values = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                values[j] = x[j].solutionValue();
            }
            return new Relaxation(solver.objective().value() * scale(), values);
        }
    }

    /**
     * What the models' objective is divided by, so that solvers see coefficients of at most 1 (GLOP
     * fails on weights like population times complaints).
     */
    private double scale() {
        return Math.max(coverage.coverable(), Double.MIN_NORMAL);
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
            objective.setCoefficient(y, coverage.weight[g] / scale());
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
