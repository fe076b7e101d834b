package org.srmap.server.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DateSplit and the YearSplit of its whole months. */
class DateSplitTest {
    private static final String NONE = "-";

    @ParameterizedTest
    @CsvSource({
        // from, to, months, head days, tail days
        "2024-01-01, 2024-12-31, 2024-01-01..2024-12-01, -, -",
        "2024-01-15, 2024-03-10, 2024-02-01..2024-02-01, 2024-01-15..2024-01-31, 2024-03-01..2024-03-10",
        "2024-01-15, 2024-01-20, -, 2024-01-15..2024-01-20, -",
        "2024-01-15, 2024-02-28, -, 2024-01-15..2024-02-28, -",
        "2024-02-01, 2024-02-29, 2024-02-01..2024-02-01, -, -",
        "2023-12-31, 2024-01-01, -, 2023-12-31..2024-01-01, -",
        "2023-07-15, 2024-07-14, 2023-08-01..2024-06-01, 2023-07-15..2023-07-31, 2024-07-01..2024-07-14",
    })
    void cutsARangeIntoWholeMonthsAndTheDaysAtEitherEnd(
            LocalDate from, LocalDate to, String months, String head, String tail) {
        DateSplit s = DateSplit.of(from, to);
        assertThat(range(s.monthFrom(), s.monthTo())).isEqualTo(months);
        assertThat(range(s.headFrom(), s.headTo())).isEqualTo(head);
        assertThat(range(s.tailFrom(), s.tailTo())).isEqualTo(tail);
    }

    @Test
    void unboundedEndsTakeEveryMonth() {
        DateSplit s = DateSplit.of(null, null);
        assertThat(range(s.monthFrom(), s.monthTo())).isEqualTo("1900-01-01..9999-12-01");
        assertThat(range(s.headFrom(), s.headTo())).isEqualTo(NONE);
        assertThat(range(s.tailFrom(), s.tailTo())).isEqualTo(NONE);

        DateSplit since = DateSplit.of(LocalDate.of(2024, 3, 5), null);
        assertThat(range(since.headFrom(), since.headTo())).isEqualTo("2024-03-05..2024-03-31");
        assertThat(range(since.monthFrom(), since.monthTo())).isEqualTo("2024-04-01..9999-12-01");
    }

    @Test
    void everyDayOfAYearFallsInExactlyOnePart() {
        LocalDate from = LocalDate.of(2023, 11, 17);
        LocalDate to = LocalDate.of(2025, 2, 3);
        DateSplit s = DateSplit.of(from, to);
        for (LocalDate d = from.minusDays(40); !d.isAfter(to.plusDays(40)); d = d.plusDays(1)) {
            int parts = (in(d.withDayOfMonth(1), s.monthFrom(), s.monthTo()) ? 1 : 0)
                    + (in(d, s.headFrom(), s.headTo()) ? 1 : 0)
                    + (in(d, s.tailFrom(), s.tailTo()) ? 1 : 0);
            assertThat(parts).as(d.toString()).isEqualTo(in(d, from, to) ? 1 : 0);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // from, to, whole years, months before them, months after them
        "2024-01-01, 2024-12-31, 2024-01-01..2024-01-01, -, -",
        "2023-11-01, 2025-02-28, 2024-01-01..2024-01-01, 2023-11-01..2023-12-01, 2025-01-01..2025-02-01",
        "2023-11-15, 2025-02-10, 2024-01-01..2024-01-01, 2023-12-01..2023-12-01, 2025-01-01..2025-01-01",
        "2023-07-15, 2024-07-14, -, 2023-08-01..2024-06-01, -",
        "2024-01-01, 2024-11-30, -, 2024-01-01..2024-11-01, -",
        "2024-01-15, 2024-01-20, -, -, -",
        "2022-01-01, 2024-12-31, 2022-01-01..2024-01-01, -, -",
    })
    void cutsTheWholeMonthsIntoWholeYearsAndTheMonthsAtEitherEnd(
            LocalDate from, LocalDate to, String years, String head, String tail) {
        YearSplit s = YearSplit.of(DateSplit.of(from, to));
        assertThat(range(s.yearFrom(), s.yearTo())).isEqualTo(years);
        assertThat(range(s.headFrom(), s.headTo())).isEqualTo(head);
        assertThat(range(s.tailFrom(), s.tailTo())).isEqualTo(tail);
    }

    @Test
    void unboundedEndsTakeEveryYear() {
        YearSplit s = YearSplit.of(DateSplit.of(null, null));
        assertThat(range(s.yearFrom(), s.yearTo())).isEqualTo("1900-01-01..9999-01-01");
        assertThat(range(s.headFrom(), s.headTo())).isEqualTo(NONE);
        assertThat(range(s.tailFrom(), s.tailTo())).isEqualTo(NONE);
    }

    @Test
    void everyDayOfARangeFallsInExactlyOnePartOfTheThreeLevels() {
        LocalDate from = LocalDate.of(2022, 11, 17);
        LocalDate to = LocalDate.of(2025, 2, 3);
        DateSplit days = DateSplit.of(from, to);
        YearSplit s = YearSplit.of(days);
        for (LocalDate d = from.minusDays(400); !d.isAfter(to.plusDays(400)); d = d.plusDays(1)) {
            LocalDate month = d.withDayOfMonth(1);
            int parts = (in(d.withDayOfYear(1), s.yearFrom(), s.yearTo()) ? 1 : 0)
                    + (in(month, s.headFrom(), s.headTo()) ? 1 : 0)
                    + (in(month, s.tailFrom(), s.tailTo()) ? 1 : 0)
                    + (in(d, days.headFrom(), days.headTo()) ? 1 : 0)
                    + (in(d, days.tailFrom(), days.tailTo()) ? 1 : 0);
            assertThat(parts).as(d.toString()).isEqualTo(in(d, from, to) ? 1 : 0);
        }
    }

    private static boolean in(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static String range(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? NONE : from + ".." + to;
    }
}
