package org.srmap.siting.problem;

import java.util.List;

/**
 * A siting problem: demand units with weights, candidate sites, and the distance from each unit to
 * each site ({@code distance[unit][site]}, metres or the instance's own unit).
 *
 * @param demandIds the demand units' ids
 * @param weights each unit's weight (complaints, buildings, people), at least 0
 * @param siteIds the candidate sites' ids
 * @param distance from each unit to each site, at least 0
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention; copying 10M distances would cost
public record Instance(List<String> demandIds, double[] weights, List<String> siteIds, double[][] distance) {
    public Instance {
        demandIds = List.copyOf(demandIds);
        siteIds = List.copyOf(siteIds);
        if (weights.length != demandIds.size()) {
            throw new IllegalArgumentException(
                    "weights must be one per demand unit, were " + weights.length + " for " + demandIds.size());
        }
        if (distance.length != demandIds.size()) {
            throw new IllegalArgumentException(
                    "distance must have a row per demand unit, had " + distance.length + " for " + demandIds.size());
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(
                        "weight of " + demandIds.get(i) + " must be a number >= 0, was " + weights[i]);
            }
            if (distance[i].length != siteIds.size()) {
                throw new IllegalArgumentException("distance row of " + demandIds.get(i) + " must have "
                        + siteIds.size() + " sites, had " + distance[i].length);
            }
            for (int j = 0; j < distance[i].length; j++) {
                if (!(distance[i][j] >= 0) || Double.isInfinite(distance[i][j])) {
                    throw new IllegalArgumentException("distance from " + demandIds.get(i) + " to " + siteIds.get(j)
                            + " must be a number >= 0, was " + distance[i][j]);
                }
            }
        }
    }

    public int units() {
        return weights.length;
    }

    public int sites() {
        return siteIds.size();
    }

    /** The sum of the weights. */
    public double totalWeight() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    /** The index of a site id; an unknown id is an error naming it. */
    public int site(String id) {
        int j = siteIds.indexOf(id);
        if (j < 0) {
            throw new IllegalArgumentException("no candidate site '" + id + "'");
        }
        return j;
    }

    /**
     * The largest weight times distance, at least the smallest positive double: what the solvers'
     * objectives are divided by, so that they see coefficients of at most 1 (GLOP ends ABNORMAL on
     * populations times metres).
     */
    public double maxWeightedDistance() {
        double max = 0;
        for (int i = 0; i < units(); i++) {
            for (double d : distance[i]) {
                max = Math.max(max, weights[i] * d);
            }
        }
        return Math.max(max, Double.MIN_NORMAL);
    }
}
