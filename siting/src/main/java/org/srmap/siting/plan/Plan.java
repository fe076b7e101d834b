package org.srmap.siting.plan;

import java.time.Duration;
import java.util.List;

/**
 * A planner's question.
 *
 * @param model the model
 * @param radius the coverage radius in metres (MCLP, LSCP; optional for the others, then it only
 *     decides what the report counts as covered); 0 when not given
 * @param k how many sites (MCLP, p-median, p-center), counting the required ones; 0 for LSCP
 * @param share the share of demand weight LSCP must cover, in (0, 1]
 * @param required ids of sites that are open already
 * @param excluded ids of sites that may not be chosen
 * @param metric how distance is measured
 * @param timeLimit the exact solver's time limit
 * @param exact whether to prove the answer with the MIP (else greedy and swap with an LP bound)
 */
public record Plan(
        Model model,
        double radius,
        int k,
        double share,
        List<String> required,
        List<String> excluded,
        Metric metric,
        Duration timeLimit,
        boolean exact) {
    public Plan {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new PlanException("radius", "radius must be metres >= 0, was " + radius);
        }
        if (model.needsRadius && radius == 0) {
            throw new PlanException("radius", model.key() + " needs a radius in metres above 0");
        }
        if (model.needsK && k < 1) {
            throw new PlanException("k", model.key() + " needs k, the number of sites, at least 1; was " + k);
        }
        if (!(share > 0 && share <= 1)) {
            throw new PlanException("share", "share must be in (0, 1], was " + share);
        }
        if (model == Model.PCENTER && !required.isEmpty()) {
            throw new PlanException("required", "pcenter does not take required sites");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new PlanException("time_limit", "time limit must be positive, was " + timeLimit);
        }
        for (String id : required) {
            if (excluded.contains(id)) {
                throw new PlanException("required", "site '" + id + "' is both required and excluded");
            }
        }
    }
}
