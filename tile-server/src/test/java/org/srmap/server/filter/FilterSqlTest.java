package org.srmap.server.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which filters the per-cell year level answers. */
class FilterSqlTest {
    @ParameterizedTest
    @CsvSource({
        // from, to, category, type, agency, district: the year's first day, or - when it does not answer
        "2024-01-01, 2024-12-31, , , , , 2024-01-01",
        "2023-01-01, 2023-12-31, Noise, , , , 2023-01-01",
        "2024-01-01, 2024-12-30, , , , , -",
        "2024-01-02, 2024-12-31, , , , , -",
        "2023-01-01, 2024-12-31, , , , , -",
        "2024-01-01, 2025-12-31, , , , , -",
        ", 2024-12-31, , , , , -",
        "2024-01-01, , , , , , -",
        "2024-01-01, 2024-12-31, , HEAT/HOT WATER, , , -",
        "2024-01-01, 2024-12-31, , , HPD, , -",
        "2024-01-01, 2024-12-31, , , , 101, -",
    })
    void answersOneWholeCalendarYearWithoutTypeAgencyOrDistrict(
            LocalDate from,
            LocalDate to,
            String category,
            String type,
            String agency,
            Integer district,
            String expected) {
        for (Status status : new Status[] {null, Status.OPEN, Status.CLOSED}) {
            Filter f = new Filter(
                    category,
                    type == null ? List.of() : List.of(type),
                    from,
                    to,
                    status,
                    district == null ? List.of() : List.of(district),
                    agency);
            LocalDate year = FilterSql.yearCellsAnswer(f);
            assertThat(year == null ? "-" : year.toString()).as(f.toString()).isEqualTo(expected);
        }
    }
}
