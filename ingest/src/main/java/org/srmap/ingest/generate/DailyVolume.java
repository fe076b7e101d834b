package org.srmap.ingest.generate;

import java.time.LocalDate;

/**
 * How many requests each day of the run gets, and which share of them are heat complaints.
 *
 * <p>A day's weight is {@code p * heat(day) + (1 - p) * other(day)}, where {@code p} is the heat share
 * of all requests, {@code heat} the {@link HeatSeason} rate and {@code other} a mild yearly wave (±{@value
 * #OTHER_AMPLITUDE} around 1, highest in mid-July when noise complaints peak; hand-chosen). Rows are
 * spread over days by rounding the cumulative weight, so the total is exact.
 */
final class DailyVolume {

    /** Amplitude of the yearly wave of non-heat requests; a modelling choice. */
    static final double OTHER_AMPLITUDE = 0.10;

    /** Day of the year on which non-heat requests peak (mid-July). */
    static final int OTHER_PEAK_DAY = 196;

    private final LocalDate first;
    private final long[] rows;
    private final double[] heatShare;
    private final double expectedHeat;
    private final double heatSeasons;

    DailyVolume(GeneratorSpec spec, HeatSeason season, double heatShareOfAll) {
        if (!(heatShareOfAll >= 0 && heatShareOfAll < 1)) {
            throw new IllegalArgumentException("heatShareOfAll must be 0..1, was " + heatShareOfAll);
        }
        first = spec.from();
        int days = Math.toIntExact(spec.to().toEpochDay() - spec.from().toEpochDay() + 1);
        double[] weight = new double[days];
        heatShare = new double[days];
        double total = 0;
        double seasonSum = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            double heat = heatShareOfAll * season.rate(date);
            double wave = StrictMath.cos(2 * Math.PI * (date.getDayOfYear() - OTHER_PEAK_DAY) / 365.25);
            double other = (1 - heatShareOfAll) * (1 + OTHER_AMPLITUDE * wave);
            weight[d] = heat + other;
            heatShare[d] = heat / weight[d];
            total += weight[d];
            seasonSum += season.rate(date);
        }
        rows = new long[days];
        double cumulative = 0;
        long assigned = 0;
        double heatRows = 0;
        for (int d = 0; d < days; d++) {
            cumulative += weight[d];
            long upTo =
                    d == days - 1 ? spec.rows() : Math.min(spec.rows(), Math.round(spec.rows() * (cumulative / total)));
            rows[d] = Math.max(0, upTo - assigned);
            assigned += rows[d];
            heatRows += rows[d] * heatShare[d];
        }
        expectedHeat = heatRows;
        heatSeasons = seasonSum / 365;
    }

    int days() {
        return rows.length;
    }

    LocalDate day(int index) {
        return first.plusDays(index);
    }

    long rows(int index) {
        return rows[index];
    }

    /** The probability that a request of that day is a heat complaint. */
    double heatShare(int index) {
        return heatShare[index];
    }

    /** Heat complaints to expect per heat season of the run (a run shorter than a year counts its part). */
    double heatPerSeason() {
        return expectedHeat / Math.max(heatSeasons, 1.0 / 365);
    }
}
