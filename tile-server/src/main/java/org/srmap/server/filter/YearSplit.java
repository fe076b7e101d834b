package org.srmap.server.filter;

import java.time.LocalDate;

/**
 * The whole months of a {@link DateSplit} cut again for a rollup with a yearly level: the whole
 * calendar years among them, and the months before and after those years. Every date is the first
 * day of its year or month; an empty part has its start after its end.
 *
 * @param yearFrom first whole year (its January 1st)
 * @param yearTo last whole year (its January 1st)
 * @param headFrom first month before the whole years
 * @param headTo last month before them
 * @param tailFrom first month after the whole years
 * @param tailTo last month after them
 */
public record YearSplit(
        LocalDate yearFrom,
        LocalDate yearTo,
        LocalDate headFrom,
        LocalDate headTo,
        LocalDate tailFrom,
        LocalDate tailTo) {

    /** Cuts the whole months of {@code dates}. */
    public static YearSplit of(DateSplit dates) {
        LocalDate first = dates.monthFrom();
        LocalDate last = dates.monthTo();
        LocalDate none = DateSplit.LAST;
        LocalDate never = DateSplit.FIRST;
        if (first.isAfter(last)) {
            return new YearSplit(none, never, none, never, none, never);
        }
        LocalDate firstWhole =
                first.getMonthValue() == 1 ? first : first.withDayOfYear(1).plusYears(1);
        LocalDate lastWhole = last.getMonthValue() == 12
                ? last.withDayOfYear(1)
                : last.withDayOfYear(1).minusYears(1);
        if (firstWhole.isAfter(lastWhole)) {
            return new YearSplit(none, never, first, last, none, never);
        }
        boolean head = first.isBefore(firstWhole);
        LocalDate tailFrom = lastWhole.plusYears(1);
        boolean tail = !tailFrom.isAfter(last);
        return new YearSplit(
                firstWhole,
                lastWhole,
                head ? first : none,
                head ? firstWhole.minusMonths(1) : never,
                tail ? tailFrom : none,
                tail ? last : never);
    }
}
