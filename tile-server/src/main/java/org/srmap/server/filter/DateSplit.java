package org.srmap.server.filter;

import java.time.LocalDate;

/**
 * A date range cut for the two levels of a rollup: the whole calendar months inside it (read from
 * the monthly level) and the days before and after them (read from the daily level). An empty part
 * has its start after its end. Unbounded ends stand for {@link #FIRST} and {@link #LAST}.
 *
 * @param monthFrom first whole month (its first day)
 * @param monthTo last whole month (its first day)
 * @param headFrom first day before the whole months
 * @param headTo last day before them
 * @param tailFrom first day after the whole months
 * @param tailTo last day after them
 */
public record DateSplit(
        LocalDate monthFrom,
        LocalDate monthTo,
        LocalDate headFrom,
        LocalDate headTo,
        LocalDate tailFrom,
        LocalDate tailTo) {
    /** Earlier than any request (311 data begins in 2010). */
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    /** Later than any request. */
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    /** Splits the range from {@code from} to {@code to}, both inclusive; null is unbounded. */
    public static DateSplit of(LocalDate from, LocalDate to) {
        LocalDate start = from == null ? FIRST : from;
        LocalDate end = to == null ? LAST : to;
        LocalDate firstWhole =
                start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWholeEnd = end.plusDays(1).getDayOfMonth() == 1
                ? end
                : end.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            return new DateSplit(LAST, FIRST, start, end, LAST, FIRST);
        }
        LocalDate headTo = firstWhole.minusDays(1);
        LocalDate tailFrom = lastWholeEnd.plusDays(1);
        boolean head = !start.isAfter(headTo);
        boolean tail = !tailFrom.isAfter(end);
        return new DateSplit(
                firstWhole,
                lastWholeEnd.withDayOfMonth(1),
                head ? start : LAST,
                head ? headTo : FIRST,
                tail ? tailFrom : LAST,
                tail ? end : FIRST);
    }

    /** The range read from the daily level alone (for grouping by day or week). */
    public static DateSplit daysOnly(LocalDate from, LocalDate to) {
        return new DateSplit(LAST, FIRST, from == null ? FIRST : from, to == null ? LAST : to, LAST, FIRST);
    }
}
