package org.srmap.server.siting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.srmap.server.problem.BadRequestException;
import org.srmap.siting.plan.Metric;
import org.srmap.siting.plan.Model;
import org.srmap.siting.plan.Plan;
import org.srmap.siting.plan.PlanException;

/**
 * The siting API's own parameters (the request filter is read apart).
 *
 * @param plan the model, radius, k, share, required and excluded sites, metric, limit, exactness
 * @param unit what demand is aggregated to
 * @param res the H3 resolution of {@code unit=h3} cells, 7..10
 * @param weights the weight of a unit: the product of these
 * @param sites the candidate kinds: facility kinds and/or {@code cells} (the demand units' centres)
 * @param wheelchair only facilities with wheelchair access
 * @param weekend only facilities open on Saturday or Sunday
 * @param format json, geojson or csv
 */
record SitingQuery(
        Plan plan,
        Unit unit,
        int res,
        List<Weight> weights,
        List<String> sites,
        boolean wheelchair,
        boolean weekend,
        String format) {
    /** The parameters of {@code /api/siting} besides the filter. */
    static final Set<String> PARAMETERS = Set.of(
            "model",
            "k",
            "radius",
            "share",
            "unit",
            "res",
            "weight",
            "sites",
            "wheelchair",
            "weekend",
            "required",
            "exclude",
            "metric",
            "solver",
            "time_limit",
            "format");

    static final double MAX_RADIUS = 20_000;
    static final int MAX_TIME_LIMIT = 60;
    static final List<String> SITE_KINDS = List.of("cooling_center", "library", "cells");

    /** What demand is aggregated to. */
    enum Unit {
        H3,
        DISTRICT,
        TRACT
    }

    /** What a unit's weight counts. */
    enum Weight {
        COMPLAINTS,
        BUILDINGS,
        POPULATION
    }

    SitingQuery {
        weights = List.copyOf(weights);
        sites = List.copyOf(sites);
    }

    static SitingQuery parse(MultiValueMap<String, String> params) {
        Model model = parsed(params, "model", "mclp", Model::parse);
        boolean covering = model == Model.MCLP || model == Model.LSCP;
        double radius = number(params, "radius", covering ? 800 : 0);
        if (radius > MAX_RADIUS) {
            throw new BadRequestException(
                    "radius", "radius must be at most " + (int) MAX_RADIUS + " metres, was " + radius);
        }
        int k = (int) integer(params, "k", model == Model.LSCP ? 0 : 5);
        double share = number(params, "share", 1);
        int limit = (int) integer(params, "time_limit", 10);
        if (limit < 1 || limit > MAX_TIME_LIMIT) {
            throw new BadRequestException(
                    "time_limit", "time_limit must be 1.." + MAX_TIME_LIMIT + " seconds, was " + limit);
        }
        String solver = parsed(params, "solver", "exact", s -> oneOf("solver", s, List.of("exact", "heuristic")));
        Metric metric = parsed(
                params,
                "metric",
                "great_circle",
                s -> Metric.valueOf(
                        oneOf("metric", s, List.of("great_circle", "manhattan")).toUpperCase(Locale.ROOT)));
        Plan plan;
        try {
            plan = new Plan(
                    model,
                    radius,
                    k,
                    share,
                    ids(params, "required"),
                    ids(params, "exclude"),
                    metric,
                    Duration.ofSeconds(limit),
                    solver.equals("exact"));
        } catch (PlanException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
        Unit unit = Unit.valueOf(parsed(params, "unit", "h3", s -> oneOf("unit", s, List.of("h3", "district", "tract")))
                .toUpperCase(Locale.ROOT));
        int res = (int) integer(params, "res", 9);
        if (res < 7 || res > 10) {
            throw new BadRequestException("res", "res must be 7..10, was " + res);
        }
        List<Weight> weights = new ArrayList<>();
        for (String w : parsed(params, "weight", "complaints", s -> s).split("\\*", -1)) {
            Weight weight = Weight.valueOf(oneOf("weight", w, List.of("complaints", "buildings", "population"))
                    .toUpperCase(Locale.ROOT));
            if (weights.contains(weight)) {
                throw new BadRequestException("weight", "weight names " + w + " twice");
            }
            weights.add(weight);
        }
        List<String> sites = new ArrayList<>(new LinkedHashSet<>(ids(params, "sites")));
        if (sites.isEmpty()) {
            sites.add("cooling_center");
        }
        for (String s : sites) {
            oneOf("sites", s, SITE_KINDS);
        }
        boolean wheelchair = parsed(
                        params, "wheelchair", "false", s -> oneOf("wheelchair", s, List.of("true", "false")))
                .equals("true");
        boolean weekend = parsed(params, "weekend", "false", s -> oneOf("weekend", s, List.of("true", "false")))
                .equals("true");
        String format = parsed(params, "format", "json", s -> oneOf("format", s, List.of("json", "geojson", "csv")));
        return new SitingQuery(plan, unit, res, weights, sites, wheelchair, weekend, format);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parsed(MultiValueMap<String, String> params, String name, String absent, Parser<T> parser) {
        List<String> values = params.get(name);
        if (values != null && values.size() > 1) {
            throw new BadRequestException(name, name + " may be given once, was given " + values.size() + " times");
        }
        String text =
                values == null || values.isEmpty() ? absent : values.get(0).trim();
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, e.getMessage());
        }
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRequestException(
                    name, name + " must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
        }
        return v;
    }

    private static double number(MultiValueMap<String, String> params, String name, double absent) {
        return parsed(params, name, null, s -> {
            if (s == null) {
                return absent;
            }
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v) || v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new BadRequestException(name, name + " must be a number >= 0, was '" + s + "'");
            }
        });
    }

    private static long integer(MultiValueMap<String, String> params, String name, long absent) {
        return parsed(params, name, null, s -> {
            if (s == null) {
                return absent;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new BadRequestException(name, name + " must be a whole number, was '" + s + "'");
            }
        });
    }

    /** A comma-separated list (repeatable), blanks dropped. */
    private static List<String> ids(MultiValueMap<String, String> params, String name) {
        List<String> ids = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",", -1))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(ids::add);
        }
        return ids;
    }
}
