package org.srmap.siting.coverage;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.srmap.siting.Solution;
import org.srmap.siting.mip.Solvers;

/**
 * Set covering with site capacities: the fewest sites, the required ones among them, that serve at
 * least a share of all demand weight, each unit only by sites within the radius and each site at
 * most its capacity (demand divisible). SCIP solves it; the linear relaxation, rounded up, is the
 * floor it reports when stopped early. INFEASIBLE when even every site together cannot serve the
 * share.
 */
public final class CapacitatedSetCovering {
    private final Coverage coverage;
    private final double[] capacity;
    private final double share;
    private final List<Integer> required;

    public CapacitatedSetCovering(Coverage coverage, double[] capacity, double share, Collection<Integer> required) {
        if (capacity.length != coverage.groupsOf.length) {
            throw new IllegalArgumentException("capacity must be one per site, was " + capacity.length);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        this.coverage = coverage;
        this.capacity = capacity.clone();
        this.share = share;
        this.required = List.copyOf(required);
    }

    public Solution exact(Duration limit) {
        long start = System.nanoTime();
        double floor;
        try (Solvers.Lease lease = Solvers.linear()) {
            model(lease.solver(), false);
            MPSolver.ResultStatus status = lease.solver().solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new Solution(
                        List.of(),
                        Double.NaN,
                        Double.NaN,
                        Solution.Status.INFEASIBLE,
                        Duration.ofNanos(System.nanoTime() - start));
            }
            floor = status == MPSolver.ResultStatus.OPTIMAL
                    ? Math.ceil(lease.solver().objective().value() - 1e-6)
                    : Math.max(1, required.size());
        }
        try (Solvers.Lease lease = Solvers.integer(limit)) {
            MPVariable[] x = model(lease.solver(), true);
            MPSolver.ResultStatus status = lease.solver().solve();
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new Solution(List.of(), Double.NaN, Double.NaN, Solution.Status.INFEASIBLE, time);
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Solution(List.of(), Double.NaN, floor, Solution.Status.TIME_LIMIT, time);
            }
            List<Integer> open = new ArrayList<>();
            for (int j = 0; j < x.length; j++) {
                if (x[j].solutionValue() > 0.5) {
                    open.add(j);
                }
            }
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            double bound = optimal
                    ? open.size()
                    : Math.max(floor, Math.ceil(lease.solver().objective().bestBound() - 1e-6));
            return new Solution(
                    open, open.size(), bound, optimal ? Solution.Status.OPTIMAL : Solution.Status.TIME_LIMIT, time);
        }
    }

    /** min sum x with at least the share of all weight served (see {@link ServedWeight}). */
    private MPVariable[] model(MPSolver solver, boolean integer) {
        double total = Math.max(coverage.coverable() + coverage.uncoverable(), Double.MIN_NORMAL);
        ServedWeight m = new ServedWeight(solver, coverage, capacity, required, integer, null, total);
        for (MPVariable v : m.x) {
            solver.objective().setCoefficient(v, 1);
        }
        solver.objective().setMinimization();
        m.requireServed(share - 1e-9);
        return m.x;
    }
}
