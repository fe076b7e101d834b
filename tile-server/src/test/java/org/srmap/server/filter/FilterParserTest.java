package org.srmap.server.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.server.problem.BadRequestException;

class FilterParserTest {
    private static final FilterParser PARSER = new FilterParser(new Vocabulary(
            Set.of("Noise", "Heat/Hot Water"),
            Set.of("Noise - Residential", "HEAT/HOT WATER"),
            Set.of(101, 307),
            Set.of("NYPD", "HPD")));

    private static Map<String, List<String>> query(String q) {
        return Arrays.stream(q.split("&"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.split("=", 2))
                .collect(Collectors.groupingBy(
                        kv -> kv[0],
                        LinkedHashMap::new,
                        Collectors.mapping(kv -> kv.length > 1 ? kv[1] : "", Collectors.toList())));
    }

    @Test
    void readsEveryFilterInTheDataSpellingAndInOneOrder() {
        Filter f = PARSER.parse(
                query("category=noise&type=heat/hot water&type=Noise - Residential&from=2024-01-01&to=2024-01-31"
                        + "&status=OPEN&district=307&district=101&agency=hpd"),
                Set.of());

        assertThat(f)
                .isEqualTo(new Filter(
                        "Noise",
                        List.of("HEAT/HOT WATER", "Noise - Residential"),
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 1, 31),
                        Status.OPEN,
                        List.of(101, 307),
                        "HPD"));
    }

    @Test
    void noParametersFilterNothing() {
        assertThat(PARSER.parse(query(""), Set.of())).isEqualTo(Filter.NONE);
    }

    @Test
    void repeatedValuesCountOnce() {
        assertThat(PARSER.parse(query("district=101&district=101"), Set.of()).districts())
                .containsExactly(101);
    }

    @Test
    void skipsTheEndpointsOwnParameters() {
        assertThat(PARSER.parse(query("page=2&status=closed"), Set.of("page")).status())
                .isEqualTo(Status.CLOSED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "colour=red | colour | unknown parameter 'colour'",
                "status=pending | status | status must be open or closed, was 'pending'",
                "status=open&status=closed | status | status may be given once, was given 2 times",
                "agency= | agency | agency must not be empty",
                "from=2024-13-01 | from | from must be a date like 2024-01-31, was '2024-13-01'",
                "to=yesterday | to | to must be a date like 2024-01-31",
                "from=2024-02-01&to=2024-01-31 | from | from must not be after to, was 2024-02-01 > 2024-01-31",
                "district=3O7 | district | district must be a BoroCD such as 307, was '3O7'",
                "district=999 | district | no community district 999 in the data",
                "type=HEATING | type | no complaint type 'HEATING' in the data",
                "category=Parks | category | no category 'Parks' in the data",
                "agency=DOT | agency | no agency 'DOT' in the data"
            })
    void rejectsBadParametersNamingThem(String q, String parameter, String message) {
        assertThatThrownBy(() -> PARSER.parse(query(q), Set.of()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.parameter())
                        .isEqualTo(parameter))
                .hasMessageContaining(message);
    }
}
