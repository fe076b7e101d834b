package org.srmap.siting;

import java.time.Duration;
import java.util.List;

/**
 * An answer to a siting model: the chosen sites (indices into the instance), its objective, the
 * best bound known on the optimum and how it was found. The gap is certified: the optimum lies
 * between the objective and the bound.
 *
 * @param sites the chosen sites, in the order the model ranks them
 * @param objective the model's value of those sites
 * @param bound a proven bound on the optimum (above it when maximizing, below when minimizing)
 * @param status how far the answer is proven
 * @param time how long it took
 */
public record Solution(List<Integer> sites, double objective, double bound, Status status, Duration time) {
    /** How far an answer is proven. */
    public enum Status {
        /** Proven optimal: objective and bound meet. */
        OPTIMAL,
        /** An exact solver stopped at its time limit: the gap says how far it may be. */
        TIME_LIMIT,
        /** A heuristic answer, with a bound from the linear relaxation. */
        HEURISTIC,
        /** No choice of sites meets the model's constraints. */
        INFEASIBLE
    }

    public Solution {
        sites = List.copyOf(sites);
    }

    /** The relative gap between objective and bound: 0 when proven optimal. */
    public double gap() {
        double scale = Math.max(Math.abs(objective), Math.abs(bound));
        return scale == 0 ? 0 : Math.abs(bound - objective) / scale;
    }
}
