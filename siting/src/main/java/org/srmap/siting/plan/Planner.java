package org.srmap.siting.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.srmap.siting.Solution;
import org.srmap.siting.center.PCenter;
import org.srmap.siting.coverage.CapacitatedCovering;
import org.srmap.siting.coverage.CapacitatedSetCovering;
import org.srmap.siting.coverage.Coverage;
import org.srmap.siting.coverage.MaximalCovering;
import org.srmap.siting.coverage.SetCovering;
import org.srmap.siting.median.CapacitatedPMedian;
import org.srmap.siting.median.PMedian;
import org.srmap.siting.points.Point;
import org.srmap.siting.problem.Instance;

/**
 * Answers a plan over demand points and candidate sites: builds the distances, runs the model's
 * solver and reports the sites ranked, the demand they cover and each unit's nearest site.
 */
public final class Planner {
    private Planner() {}

    /**
     * The report answering the plan.
     *
     * @throws PlanException when the plan does not fit the points (an unknown required
     *     site, k above the number of sites, capacities, which no model here honours yet)
     */
    public static Report solve(Plan plan, List<Point> demand, List<Point> candidates) {
        Set<String> ids = new HashSet<>();
        candidates.forEach(c -> ids.add(c.id()));
        for (String id : plan.required()) {
            if (!ids.contains(id)) {
                throw new PlanException("required", "required site '" + id + "' is not among the candidates");
            }
        }
        for (String id : plan.excluded()) {
            if (!ids.contains(id)) {
                throw new PlanException("exclude", "excluded site '" + id + "' is not among the candidates");
            }
        }
        List<Point> sites = candidates.stream()
                .filter(c -> !plan.excluded().contains(c.id()))
                .toList();

        if (demand.isEmpty() || sites.isEmpty()) {
            throw new PlanException(
                    demand.isEmpty() ? "demand" : "candidates", "a plan needs demand and at least one candidate site");
        }
        if (plan.model().needsK && plan.k() > sites.size()) {
            throw new PlanException("k", "k must be at most the " + sites.size() + " candidate sites, was " + plan.k());
        }
        Instance in = instance(demand, sites, plan.metric());
        List<Integer> required = plan.required().stream().map(in::site).toList();
        if (plan.model().needsK && required.size() > plan.k()) {
            throw new PlanException(
                    "k", "k must be at least the " + required.size() + " required sites, was " + plan.k());
        }
        double[] capacity = sites.stream().mapToDouble(Point::capacity).toArray();
        if (Arrays.stream(capacity).noneMatch(Double::isFinite)) {
            capacity = null; // no site has a limit: the uncapacitated models
        }
        if (capacity != null
                && plan.model() == Model.PMEDIAN
                && (long) in.units() * in.sites() > CapacitatedPMedian.MAX_PAIRS) {
            throw new PlanException(
                    "demand",
                    "p-median with site capacities is limited to " + CapacitatedPMedian.MAX_PAIRS
                            + " unit-site pairs, was " + (long) in.units() * in.sites()
                            + ": aggregate the demand coarser or give fewer candidates");
        }
        Coverage coverage = plan.model().needsRadius ? Coverage.of(in, plan.radius()) : null;
        Solution s = solution(plan, in, coverage, required, capacity);
        return report(plan, in, coverage, sites, required, capacity != null, s);
    }

    /** The distance matrix between the points. */
    public static Instance instance(List<Point> demand, List<Point> sites, Metric metric) {
        double[][] d = new double[demand.size()][sites.size()];
        double[] w = new double[demand.size()];
        for (int i = 0; i < demand.size(); i++) {
            w[i] = demand.get(i).weight();
            for (int j = 0; j < sites.size(); j++) {
                d[i][j] = metric.metres(demand.get(i), sites.get(j));
            }
        }
        return new Instance(
                demand.stream().map(Point::id).toList(),
                w,
                sites.stream().map(Point::id).toList(),
                d);
    }

    /** The model's answer; coverage is null for the distance models, capacity null without limits. */
    private static Solution solution(
            Plan plan, Instance in, Coverage coverage, List<Integer> required, double[] capacity) {
        return switch (plan.model()) {
            case MCLP -> {
                if (capacity != null) {
                    CapacitatedCovering m = new CapacitatedCovering(coverage, capacity, plan.k(), required);
                    yield plan.exact() ? m.exact(plan.timeLimit()) : m.heuristic();
                }
                MaximalCovering m = new MaximalCovering(coverage, plan.k(), required);
                yield plan.exact() ? m.exact(plan.timeLimit()) : m.heuristic();
            }
            case LSCP ->
                capacity != null
                        ? new CapacitatedSetCovering(coverage, capacity, plan.share(), required).exact(plan.timeLimit())
                        : new SetCovering(coverage, plan.share(), required).exact(plan.timeLimit());
            case PMEDIAN -> {
                if (capacity != null) {
                    CapacitatedPMedian m = new CapacitatedPMedian(in, plan.k(), required, capacity);
                    yield plan.exact() ? m.exact(plan.timeLimit()) : m.heuristic();
                }
                PMedian m = new PMedian(in, plan.k(), required);
                yield plan.exact() ? m.exact(plan.timeLimit()) : m.heuristic();
            }
            case PCENTER -> new PCenter(in, plan.k(), capacity).exact(plan.timeLimit());
        };
    }

    private static Report report(
            Plan plan,
            Instance in,
            Coverage coverage,
            List<Point> sites,
            List<Integer> required,
            boolean capacitated,
            Solution s) {
        double seconds = s.time().toNanos() / 1e9;
        if (s.status() == Solution.Status.INFEASIBLE || s.sites().isEmpty()) {
            return new Report(
                    plan.model().key(),
                    s.status().name(),
                    null,
                    null,
                    null,
                    seconds,
                    List.of(),
                    demand(in, null, plan),
                    List.of(),
                    null);
        }
        List<Ranked> ranked = rank(plan, in, s.sites());
        if (capacitated) {
            // with capacities a site's marginal reach is not what it serves: no gain is claimed
            ranked = ranked.stream().map(r -> new Ranked(r.site(), null)).toList();
        }
        List<Report.Site> chosen = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            int j = ranked.get(r).site();
            Point p = sites.get(j);
            chosen.add(new Report.Site(
                    r + 1,
                    p.id(),
                    p.lat(),
                    p.lon(),
                    required.contains(j),
                    ranked.get(r).gain()));
        }
        int[] nearest = nearest(in, s.sites());
        List<Report.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < in.units(); i++) {
            double metres = in.distance()[i][nearest[i]];
            assignments.add(new Report.Assignment(
                    in.demandIds().get(i),
                    in.weights()[i],
                    in.siteIds().get(nearest[i]),
                    metres,
                    plan.radius() > 0 ? metres <= plan.radius() : null));
        }
        List<Report.CurvePoint> curve = null;
        if (plan.model() == Model.MCLP) {
            double[] values = MaximalCovering.curve(coverage, plan.k(), required);
            curve = new ArrayList<>();
            for (int k = 1; k <= values.length; k++) {
                if (!Double.isNaN(values[k - 1])) {
                    curve.add(new Report.CurvePoint(k, values[k - 1]));
                }
            }
        }
        return new Report(
                plan.model().key(),
                s.status().name(),
                s.objective(),
                s.bound(),
                s.gap(),
                seconds,
                chosen,
                demand(in, nearest, plan),
                assignments,
                curve);
    }

    /** A chosen site and what it adds after the sites ranked before it. */
    private record Ranked(int site, Double gain) {}

    /**
     * The chosen sites, each next the one adding the most covered weight (covering models) or
     * cutting the weighted distance most (the others), with that gain; null for the first site of
     * a distance model, which has nothing to cut.
     */
    private static List<Ranked> rank(Plan plan, Instance in, List<Integer> open) {
        boolean covering = plan.model() == Model.MCLP || plan.model() == Model.LSCP;
        double[] nearest = new double[in.units()];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        List<Integer> left = new ArrayList<>(open);
        List<Ranked> ranked = new ArrayList<>();
        double current = covering ? 0 : Double.NEGATIVE_INFINITY;
        while (!left.isEmpty()) {
            int best = left.get(0);
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j : left) {
                double v = 0;
                for (int i = 0; i < in.units(); i++) {
                    double d = Math.min(nearest[i], in.distance()[i][j]);
                    v += covering ? (d <= plan.radius() ? in.weights()[i] : 0) : -in.weights()[i] * d;
                }
                if (v > bestValue) {
                    best = j;
                    bestValue = v;
                }
            }
            ranked.add(new Ranked(best, ranked.isEmpty() && !covering ? null : bestValue - current));
            current = bestValue;
            for (int i = 0; i < in.units(); i++) {
                nearest[i] = Math.min(nearest[i], in.distance()[i][best]);
            }
            left.remove(Integer.valueOf(best));
        }
        return ranked;
    }

    private static int[] nearest(Instance in, List<Integer> open) {
        int[] nearest = new int[in.units()];
        for (int i = 0; i < in.units(); i++) {
            int best = open.get(0);
            for (int j : open) {
                if (in.distance()[i][j] < in.distance()[i][best]) {
                    best = j;
                }
            }
            nearest[i] = best;
        }
        return nearest;
    }

    private static Report.Demand demand(Instance in, int[] nearest, Plan plan) {
        if (nearest == null || plan.radius() == 0) {
            return new Report.Demand(in.units(), in.totalWeight(), null, null, null, null, null);
        }
        int units = 0;
        double weight = 0;
        for (int i = 0; i < in.units(); i++) {
            if (in.distance()[i][nearest[i]] <= plan.radius()) {
                units++;
                weight += in.weights()[i];
            }
        }
        return new Report.Demand(
                in.units(),
                in.totalWeight(),
                plan.radius(),
                units,
                weight,
                in.units() - units,
                in.totalWeight() - weight);
    }
}
