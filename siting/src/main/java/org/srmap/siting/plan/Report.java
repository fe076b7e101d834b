package org.srmap.siting.plan;

import java.util.List;

/**
 * The answer to a plan: what was solved, how well it is proven, the sites, and the demand each
 * serves. Values that do not apply are null (a gap for an infeasible plan, a curve for p-median).
 *
 * @param model the model's key
 * @param status OPTIMAL, TIME_LIMIT, HEURISTIC or INFEASIBLE
 * @param objective the model's value of the chosen sites (covered weight, sites, weighted metres, metres)
 * @param bound a proven bound on the optimum
 * @param gap the relative gap between objective and bound (0: proven optimal)
 * @param seconds the time the solver took
 * @param sites the chosen sites, ranked by marginal gain
 * @param demand how much of the demand lies within the radius of a chosen site
 * @param assignments each demand unit's nearest chosen site
 * @param curve for MCLP: the weight greedy covers with 1..k sites (its first k picks)
 */
public record Report(
        String model,
        String status,
        Double objective,
        Double bound,
        Double gap,
        double seconds,
        List<Site> sites,
        Demand demand,
        List<Assignment> assignments,
        List<CurvePoint> curve) {
    public Report {
        sites = List.copyOf(sites);
        assignments = List.copyOf(assignments);
        curve = curve == null ? null : List.copyOf(curve);
    }

    /**
     * A chosen site.
     *
     * @param rank 1 for the most useful
     * @param gain what it adds after the sites ranked before it: covered weight for the covering
     *     models, the fall in weighted distance otherwise (null for the first)
     */
    public record Site(int rank, String id, double lat, double lon, boolean required, Double gain) {}

    /** The demand within the radius of a chosen site (all covered-fields null without a radius). */
    public record Demand(
            int units,
            double weight,
            Double radius,
            Integer coveredUnits,
            Double coveredWeight,
            Integer uncoveredUnits,
            Double uncoveredWeight) {}

    /** A demand unit's nearest chosen site and how far it is. */
    public record Assignment(String id, double weight, String site, double metres, Boolean covered) {}

    /** The weight k sites cover. */
    public record CurvePoint(int k, double covered) {}
}
