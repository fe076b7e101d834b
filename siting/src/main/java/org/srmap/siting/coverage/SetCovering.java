package org.srmap.siting.coverage;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.mip.Solvers;

/**
 * The location set covering problem (Toregas et al., 1971): the fewest sites, the required ones
 * among them, that cover at least a share of the demand weight within the radius (all of it by
 * default). Solved exactly by SCIP; its linear relaxation, rounded up, bounds it from below.
 */
public final class SetCovering {
    private final Coverage coverage;
    private final double share;
    private final List<Integer> required;
    private final double total;

    /**
     * @param coverage the coverage at the model's radius
     * @param share the share of all demand weight to cover, in (0, 1]
     * @param required sites that are open already
     */
    public SetCovering(Coverage coverage, double share, Collection<Integer> required) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        this.coverage = coverage;
        this.share = share;
        this.required = List.copyOf(required);
        this.total = coverage.uncoverable + coverage.coverable();
    }

    /** The fewest sites, or INFEASIBLE when the share is more than the sites can cover. */
    public Solution exact(Duration limit) {
        long start = System.nanoTime();
        if (total - coverage.uncoverable < share * total - 1e-9 * total) {
            return new Solution(
                    List.of(),
                    Double.NaN,
                    Double.NaN,
                    Solution.Status.INFEASIBLE,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        double lower = Math.ceil(lpBound() - 1e-6);
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            List<Integer> open = new ArrayList<>();
            MPSolver.ResultStatus status = solveInto(lease, open);
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Solution(List.of(), Double.NaN, lower, Solution.Status.TIME_LIMIT, time);
            }
            double bound = status == MPSolver.ResultStatus.OPTIMAL
                    ? open.size()
                    : Math.max(lower, Math.ceil(lease.solver().objective().bestBound() - 1e-6));
            return new Solution(
                    SwapSearch.byMarginalGain(coverage, open),
                    open.size(),
                    bound,
                    status == MPSolver.ResultStatus.OPTIMAL ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT,
                    time);
        }
    }

    private MPSolver.ResultStatus solveInto(Solvers.Lease lease, List<Integer> open) {
        MPVariable[] x = model(lease.solver(), true);
        MPSolver.ResultStatus status = lease.solver().solve();
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            for (int j = 0; j < x.length; j++) {
                if (x[j].solutionValue() > 0.5) {
                    open.add(j);
                }
            }
        }
        return status;
    }

    /**
     * The optimum of the linear relaxation: no set of sites that covers enough is smaller. Should
     * GLOP fail numerically, the required sites (at least one) bound it instead.
     */
    public double lpBound() {
        try (Solvers.Lease lease = Solvers.linear()) {
            model(lease.solver(), false);
            MPSolver.ResultStatus status = lease.solver().solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return Math.max(1, required.size());
            }
            return lease.solver().objective().value();
        }
    }

    /** min sum x; every group covered (share 1), or covered weight at least share of the total. */
    private MPVariable[] model(MPSolver solver, boolean integer) {
        int sites = coverage.groupsOf.length;
        MPVariable[] x = new MPVariable[sites];
        for (int j = 0; j < sites; j++) {
            x[j] = integer ? solver.makeBoolVar("x" + j) : solver.makeNumVar(0, 1, "x" + j);
            solver.objective().setCoefficient(x[j], 1);
        }
        for (int j : required) {
            x[j].setLb(1);
        }
        if (share >= 1) {
            for (int g = 0; g < coverage.groups(); g++) {
                MPConstraint c = solver.makeConstraint(1, Double.POSITIVE_INFINITY);
                for (int j : coverage.sitesOf[g]) {
                    c.setCoefficient(x[j], 1);
                }
            }
        } else {
            MPConstraint enough =
                    solver.makeConstraint(share, Double.POSITIVE_INFINITY); // weights as shares of the total
            for (int g = 0; g < coverage.groups(); g++) {
                MPVariable y = solver.makeNumVar(0, 1, "y" + g);
                enough.setCoefficient(y, coverage.weight[g] / total);
                MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                c.setCoefficient(y, 1);
                for (int j : coverage.sitesOf[g]) {
                    c.setCoefficient(x[j], -1);
                }
            }
        }
        solver.objective().setMinimization();
        return x;
    }
}
