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

/**
 * The p-median problem (Hakimi, 1964; ReVelle and Swain, 1970): open p sites, the required ones
 * among them, so that the demand-weighted distance from every unit to its nearest open site is the
 * least. Greedy then Teitz and Bart's swaps give an answer in moments; SCIP, on the assignment
 * formulation started from it, proves or improves it.
 */
public final class PMedian {
    private final Instance in;
    private final int p;
    private final List<Integer> required;

    /** The largest model (units times sites) whose linear relaxation bounds the heuristic. */
    public static final long LP_CELLS = 250_000;

    public PMedian(Instance in, int p, Collection<Integer> required) {
        if (p < 1 || p > in.sites()) {
            throw new IllegalArgumentException("p must be 1.." + in.sites() + ", was " + p);
        }
        if (required.size() > p) {
            throw new IllegalArgumentException(
                    "p must be at least the " + required.size() + " required sites, was " + p);
        }
        this.in = in;
        this.p = p;
        this.required = List.copyOf(required);
    }

    /** The weighted distance of each unit to its nearest open site, summed. */
    public double cost(List<Integer> open) {
        double sum = 0;
        for (int i = 0; i < in.units(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j : open) {
                best = Math.min(best, in.distance()[i][j]);
            }
            sum += in.weights()[i] * best;
        }
        return sum;
    }

    /**
     * Greedy (each step the site that lowers the cost most), then the best swap while one helps; the
     * bound is the linear relaxation's when the model is small enough to build, else every unit's
     * distance to its nearest candidate.
     */
    public Solution heuristic() {
        long start = System.nanoTime();
        List<Integer> open = search();
        double cost = cost(open);
        return new Solution(
                open,
                cost,
                Math.min(cost, relaxation().bound()),
                Solution.Status.HEURISTIC,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private List<Integer> search() {
        List<Integer> open = new ArrayList<>(required);
        double[] nearest = new double[in.units()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int j : required) {
            lower(nearest, j);
        }
        while (open.size() < p) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < in.sites(); j++) {
                if (open.contains(j)) {
                    continue;
                }
                double c = 0;
                for (int i = 0; i < in.units(); i++) {
                    c += in.weights()[i] * Math.min(nearest[i], in.distance()[i][j]);
                }
                if (c < bestCost) {
                    best = j;
                    bestCost = c;
                }
            }
            open.add(best);
            lower(nearest, best);
        }
        double cost = cost(open);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int k = 0; k < open.size() && !improved; k++) {
                int out = open.get(k);
                if (required.contains(out)) {
                    continue;
                }
                for (int j = 0; j < in.sites() && !improved; j++) {
                    if (open.contains(j)) {
                        continue;
                    }
                    open.set(k, j);
                    double c = cost(open);
                    if (c < cost - 1e-9 * Math.max(1, cost)) {
                        cost = c;
                        improved = true;
                    } else {
                        open.set(k, out);
                    }
                }
            }
        }
        return open;
    }

    private void lower(double[] nearest, int site) {
        for (int i = 0; i < nearest.length; i++) {
            nearest[i] = Math.min(nearest[i], in.distance()[i][site]);
        }
    }

    /**
     * A lower bound and, when the linear relaxation was solved, the reduced costs of its site and
     * assignment variables (null when the model is larger than {@link #LP_CELLS}).
     */
    @SuppressWarnings("ArrayRecordComponent") // private, never shared
    private record Relaxation(double bound, double[] siteCost, double[][] pairCost) {}

    /**
     * The linear relaxation when it has at most {@link #LP_CELLS} assignment variables; the weighted
     * distance of each unit to its nearest site bounds it in any case.
     */
    private Relaxation relaxation() {
        double nearestSum = 0;
        for (int i = 0; i < in.units(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double d : in.distance()[i]) {
                best = Math.min(best, d);
            }
            nearestSum += in.weights()[i] * best;
        }
        if ((long) in.units() * in.sites() > LP_CELLS) {
            return new Relaxation(nearestSum, null, null);
        }
        try (Solvers.Lease lease = Solvers.linear()) {
            MPSolver solver = lease.solver();
            Model m = model(solver, false, null);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return new Relaxation(nearestSum, null, null); // a numerical failure: the weaker bound holds
            }
            double[] siteCost = new double[in.sites()];
            double[][] pairCost = new double[in.units()][in.sites()];
            for (int j = 0; j < in.sites(); j++) {
                siteCost[j] = m.x()[j].solutionValue() < 1e-9 ? m.x()[j].reducedCost() : 0;
            }
            for (int i = 0; i < in.units(); i++) {
                for (int j = 0; j < in.sites(); j++) {
                    MPVariable z = m.z()[i][j];
                    pairCost[i][j] = z.solutionValue() < 1e-9 ? z.reducedCost() : 0;
                }
            }
            double scale = in.maxWeightedDistance();
            for (int j = 0; j < siteCost.length; j++) {
                siteCost[j] *= scale;
            }
            for (double[] row : pairCost) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= scale;
                }
            }
            return new Relaxation(Math.max(nearestSum, solver.objective().value() * scale), siteCost, pairCost);
        }
    }

    /** A proven lower bound on the optimum (see {@link #heuristic()}). */
    public double lowerBound() {
        return relaxation().bound();
    }

    /**
     * The heuristic's answer, proven by the linear relaxation or else proven or improved by SCIP
     * within the time limit. Before SCIP, variables whose reduced cost exceeds the gap are fixed at 0:
     * no answer at least as good as the heuristic's uses them.
     */
    public Solution exact(Duration limit) {
        long start = System.nanoTime();
        List<Integer> first = search();
        double firstCost = cost(first);
        Relaxation lp = relaxation();
        if (firstCost - lp.bound() <= 1e-9 * Math.max(1, firstCost)) {
            return new Solution(
                    first, firstCost, firstCost, Solution.Status.OPTIMAL, Duration.ofNanos(System.nanoTime() - start));
        }
        boolean[][] keep = null;
        double slack = firstCost - lp.bound() + 1e-6 * Math.max(1, firstCost);
        if (lp.pairCost() != null) {
            keep = new boolean[in.units()][in.sites()];
            for (int i = 0; i < in.units(); i++) {
                for (int j = 0; j < in.sites(); j++) {
                    keep[i][j] = lp.siteCost()[j] <= slack && lp.pairCost()[i][j] <= slack;
                }
            }
        }
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            MPSolver solver = lease.solver();
            Model m = model(solver, true, keep);
            if (keep != null) {
                for (int j = 0; j < in.sites(); j++) {
                    if (lp.siteCost()[j] > slack) {
                        m.x()[j].setUb(0);
                    }
                }
            }
            double[] hint = new double[in.sites()];
            for (int j : first) {
                hint[j] = 1;
            }
            solver.setHint(m.x(), hint);
            MPSolver.ResultStatus status = solver.solve();
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Solution(first, firstCost, lp.bound(), Solution.Status.TIME_LIMIT, time);
            }
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < in.sites(); j++) {
                if (m.x()[j].solutionValue() > 0.5) {
                    open.add(j);
                }
            }
            double cost = cost(open);
            if (cost > firstCost) {
                open = first;
                cost = firstCost;
            }
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            double bound =
                    optimal ? cost : Math.max(lp.bound(), solver.objective().bestBound());
            return new Solution(
                    open,
                    cost,
                    Math.min(cost, bound),
                    optimal ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                    time);
        }
    }

    /** The variables of a model: x_j site j open, z_ij unit i served by site j (null if left out). */
    @SuppressWarnings("ArrayRecordComponent") // private, never shared
    private record Model(MPVariable[] x, MPVariable[][] z) {}

    /**
     * The assignment formulation: min sum w_i d_ij z_ij, sum_j z_ij = 1, z_ij <= x_j, sum x = p,
     * with only the pairs {@code keep} allows (all when null).
     */
    private Model model(MPSolver solver, boolean integer, boolean[][] keep) {
        MPVariable[] x = new MPVariable[in.sites()];
        for (int j = 0; j < in.sites(); j++) {
            x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
        }
        for (int j : required) {
            x[j].setLb(1);
        }
        MPConstraint count = solver.makeConstraint(p, p);
        for (MPVariable v : x) {
            count.setCoefficient(v, 1);
        }
        MPObjective objective = solver.objective();
        double scale = in.maxWeightedDistance();
        MPVariable[][] z = new MPVariable[in.units()][in.sites()];
        for (int i = 0; i < in.units(); i++) {
            MPConstraint assigned = solver.makeConstraint(1, 1);
            for (int j = 0; j < in.sites(); j++) {
                if (keep != null && !keep[i][j]) {
                    continue;
                }
                z[i][j] = solver.makeNumVar(0, 1, "z" + i + "_" + j);
                assigned.setCoefficient(z[i][j], 1);
                objective.setCoefficient(z[i][j], in.weights()[i] * in.distance()[i][j] / scale);
                MPConstraint open = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                open.setCoefficient(z[i][j], 1);
                open.setCoefficient(x[j], -1);
            }
        }
        objective.setMinimization();
        return new Model(x, z);
    }
}
