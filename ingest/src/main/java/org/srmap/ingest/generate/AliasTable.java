package org.srmap.ingest.generate;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight in constant time (Walker's alias method,
 * built with Vose's stable procedure). Immutable; the draw uses exactly one {@code nextInt} and one
 * {@code nextDouble} of the caller's generator, so sequences stay reproducible.
 */
final class AliasTable {

    private final double[] probability;
    private final int[] alias;

    private AliasTable(double[] probability, int[] alias) {
        this.probability = probability;
        this.alias = alias;
    }

    /**
     * Builds the table.
     *
     * @param weights at least one finite, non-negative weight, with a positive sum
     * @throws IllegalArgumentException otherwise
     */
    static AliasTable of(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weights must be finite and >= 0, was " + w + " at index " + i);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum, was " + sum);
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        double[] probability = new double[n];
        int[] alias = new int[n];
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            probability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1;
            if (scaled[more] < 1) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        while (largeCount > 0) {
            int i = large[--largeCount];
            probability[i] = 1;
            alias[i] = i;
        }
        while (smallCount > 0) {
            // Only rounding leaves an entry here; it is as good as full.
            int i = small[--smallCount];
            probability[i] = 1;
            alias[i] = i;
        }
        return new AliasTable(probability, alias);
    }

    /** Draws an index in {@code 0..size()-1}. */
    int sample(SplittableRandom random) {
        int i = random.nextInt(probability.length);
        return random.nextDouble() < probability[i] ? i : alias[i];
    }

    int size() {
        return probability.length;
    }
}
