package org.srmap.ingest.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.srmap.ingest.generate.ProfileReport.DurationAnomalies;

/**
 * When, if at all, a request is closed, and when its resolution was last updated, in local seconds.
 *
 * <ul>
 *   <li>A closed request's duration is log-normal per complaint type; with the agency's profile rates it
 *       is instead zero, or negative (around the agency's typical negative size), and very rarely the
 *       closed date is 01/01/1900.
 *   <li>Agencies that stamp closings at 00:00:00 or 12:00:00 (at the profile's per-agency rates) get
 *       the closing day's stamp, never one before the creation.
 *   <li>A request whose closing would fall after the export (midnight after the last day) is written
 *       still open, with a status drawn from the profile's non-closed statuses; so recent requests are
 *       more often open.
 *   <li>The resolution update is the closing, a few seconds after it (the profile's post-closing share),
 *       or midnight of the closing day for agencies that stamp updates so.
 * </ul>
 */
final class ClosureModel {

    /** Marks a request still open. */
    static final long OPEN = Long.MIN_VALUE;

    /** Marks a request without a resolution update. */
    static final long NONE = Long.MIN_VALUE;

    /** The Status of closed requests. */
    static final CsvField CLOSED = CsvField.of("Closed");

    /** Log-normal spread of negative durations around the agency's median; hand-chosen. */
    static final double NEGATIVE_SIGMA = 1.0;

    /** The longest post-closing update delay; the profile's median delay is 4 seconds. */
    static final int MAX_UPDATE_DELAY_SECONDS = 10;

    private static final long DAY = TimestampText.SECONDS_PER_DAY;
    private static final double MAX_DURATION_SECONDS = 20 * 365.25 * DAY;
    private static final long YEAR_1900 =
            TimestampText.localSeconds(LocalDate.of(1900, 1, 1).atStartOfDay());

    private final long exportedAt;
    private final double extremeNegative;
    private final double postClosedUpdate;
    private final List<CsvField> openStatuses;
    private final AliasTable openStatusPick;

    /**
     * @param anomalies the profile's closing-time anomalies
     * @param statuses the profile's requests per status, upper case; all but CLOSED are open statuses
     * @param lastDay the last creation day; the export is taken at the midnight that ends it
     */
    ClosureModel(DurationAnomalies anomalies, Map<String, Long> statuses, LocalDate lastDay) {
        exportedAt = TimestampText.localSeconds(lastDay.plusDays(1).atStartOfDay());
        extremeNegative = (double) anomalies.negativeExtreme() / anomalies.closedRows();
        postClosedUpdate = anomalies.postClosedUpdateShare();
        List<CsvField> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        statuses.entrySet().stream()
                .filter(e -> !e.getKey().equals("CLOSED") && e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    names.add(CsvField.of(titleCase(e.getKey())));
                    weights.add(e.getValue().doubleValue());
                });
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the profile has no status other than CLOSED");
        }
        openStatuses = List.copyOf(names);
        openStatusPick =
                AliasTable.of(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The local second of the export; nothing closes later. */
    long exportedAt() {
        return exportedAt;
    }

    /** When the request closed, or {@link #OPEN}. */
    long closedAt(ComplaintType type, AgencyModel agency, long created, SplittableRandom random) {
        if (random.nextDouble() < extremeNegative) {
            return YEAR_1900;
        }
        double u = random.nextDouble();
        if (u < agency.negativeDuration()) {
            double size = agency.negativeMedianSeconds() * StrictMath.exp(NEGATIVE_SIGMA * gaussian(random));
            return created - Math.max(1, Math.round(Math.min(size, MAX_DURATION_SECONDS)));
        }
        if (u < agency.negativeDuration() + agency.zeroDuration()) {
            return created;
        }
        double seconds = type.medianSeconds() * StrictMath.exp(type.sigma() * gaussian(random));
        long closed = created + Math.max(1, Math.round(Math.min(seconds, MAX_DURATION_SECONDS)));
        double stamp = random.nextDouble();
        if (stamp < agency.closedAtMidnight()) {
            closed = nextStampAtOrAfter(closed, 0, created);
        } else if (stamp < agency.closedAtMidnight() + agency.closedAtNoon()) {
            closed = nextStampAtOrAfter(closed, DAY / 2, created);
        }
        return closed > exportedAt ? OPEN : closed;
    }

    /** When the resolution was last updated, given the closing (or {@link #OPEN}). */
    long updatedAt(AgencyModel agency, long created, long closed, SplittableRandom random) {
        if (closed == OPEN) {
            return NONE;
        }
        double u = random.nextDouble();
        if (closed < created) {
            return closed;
        }
        if (u < agency.updatedAtMidnight()) {
            return Math.floorDiv(closed, DAY) * DAY;
        }
        if (u < agency.updatedAtMidnight() + (1 - agency.updatedAtMidnight()) * postClosedUpdate) {
            return Math.min(exportedAt, closed + 1 + random.nextInt(MAX_UPDATE_DELAY_SECONDS));
        }
        return closed;
    }

    /** Draws the status of an open request. */
    CsvField openStatus(SplittableRandom random) {
        return openStatuses.get(openStatusPick.sample(random));
    }

    /**
     * The closing day's stamp {@code offset} seconds after midnight, or if that precedes the creation,
     * the first such stamp after it.
     */
    private static long nextStampAtOrAfter(long closed, long offset, long created) {
        long stamp = Math.floorDiv(closed, DAY) * DAY + offset;
        while (stamp < created) {
            stamp += DAY;
        }
        return stamp;
    }

    /**
     * A standard normal number by the Box-Muller transform. {@link StrictMath} rather than {@link Math}
     * (or {@code nextGaussian}, which uses {@code Math}) keeps the output identical on every platform.
     */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /** {@code IN PROGRESS} gives {@code In Progress}. */
    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (char c : upper.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '/';
        }
        return out.toString();
    }
}
