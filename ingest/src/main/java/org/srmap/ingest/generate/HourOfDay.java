package org.srmap.ingest.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * When in the day requests are created: the profile's count per hour, with the requests stamped exactly
 * 00:00:00 or 12:00:00 taken out (agencies add those back themselves), and uniform within an hour.
 * Also draws a day's creation times already in order, in constant memory.
 */
final class HourOfDay {

    private final double[] cumulative = new double[25];

    private HourOfDay(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the hourly counts must have a positive sum");
        }
        for (int h = 0; h < 24; h++) {
            cumulative[h + 1] = cumulative[h] + weights[h] / total;
        }
        cumulative[24] = 1;
    }

    /**
     * Builds the distribution.
     *
     * @param byHour requests per hour 0..23
     * @param atMidnight requests stamped exactly 00:00:00, removed from hour 0
     * @param atNoon requests stamped exactly 12:00:00, removed from hour 12
     */
    static HourOfDay of(List<Long> byHour, long atMidnight, long atNoon) {
        if (byHour.size() != 24) {
            throw new IllegalArgumentException("byHour must have 24 entries, had " + byHour.size());
        }
        double[] weights = new double[24];
        for (int h = 0; h < 24; h++) {
            weights[h] = byHour.get(h);
        }
        weights[0] = Math.max(0, weights[0] - atMidnight);
        weights[12] = Math.max(0, weights[12] - atNoon);
        return new HourOfDay(weights);
    }

    /** The second of the day at cumulative probability {@code u} in 0..1; non-decreasing in {@code u}. */
    int secondOfDay(double u) {
        int h = 0;
        while (h < 23 && u >= cumulative[h + 1]) {
            h++;
        }
        double width = cumulative[h + 1] - cumulative[h];
        double within = width > 0 ? (u - cumulative[h]) / width : 0;
        int second = h * 3600 + (int) (within * 3600);
        return Math.max(0, Math.min(86_399, second));
    }

    /**
     * Draws {@code count} uniform numbers in 0..1 in increasing order, one at a time: each is the
     * minimum of the uniforms still to come, {@code u + (1 - u)(1 - V^(1/k))}. Not thread-safe.
     */
    static final class SortedUniforms {
        private long remaining;
        private double current;

        void start(long count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, was " + count);
            }
            remaining = count;
            current = 0;
        }

        double next(SplittableRandom random) {
            if (remaining <= 0) {
                throw new IllegalStateException("all uniforms of this run were drawn");
            }
            double v = 1 - random.nextDouble();
            current += (1 - current) * -StrictMath.expm1(StrictMath.log(v) / remaining);
            remaining--;
            return Math.min(current, 1);
        }
    }
}
