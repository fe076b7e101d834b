package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CensusPopulationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        // total, 18 and over, expected under 18
        "4000, 3000, 1000",
        "0,    0,    0",
        "17,   17,   0",
    })
    void takesUnderEighteenAsTotalMinusAdults(int total, int adults, int under18) {
        String body = "[[\"P1_001N\",\"P3_001N\",\"state\",\"county\",\"tract\"]," + "[\"" + total + "\",\"" + adults
                + "\",\"36\",\"061\",\"000100\"]]";
        Map<String, CensusPopulation.Counts> parsed = CensusPopulation.parse(bytes(body), "test");
        assertThat(parsed).containsOnlyKeys("36061000100");
        assertThat(parsed.get("36061000100")).isEqualTo(new CensusPopulation.Counts(total, under18));
    }

    @Test
    void findsColumnsByNameWhateverTheirOrder() {
        String body =
                "[[\"tract\",\"county\",\"state\",\"P3_001N\",\"P1_001N\"],[\"000200\",\"047\",\"36\",\"10\",\"25\"]]";
        assertThat(CensusPopulation.parse(bytes(body), "test"))
                .containsExactly(Map.entry("36047000200", new CensusPopulation.Counts(25, 15)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[[\"P1_001N\",\"P3_001N\",\"state\",\"county\",\"tract\"],[\"5\",\"9\",\"36\",\"061\",\"1\"]]"
                        + " | row 1 (tract 360611): population must be 0 <= under18 <= total, was -4 of 5",
                "[[\"P1_001N\",\"P3_001N\",\"state\",\"county\",\"tract\"],[\"n/a\",\"9\",\"36\",\"061\",\"1\"]]"
                        + " | row 1 (tract 360611): For input string",
                "{\"error\":\"unknown variable\"} | expected a JSON array of rows with a header row",
                "error: unknown variable 'P1_001N' | the answer is not JSON",
            })
    void refusesRowsThatAreNotPopulationCounts(String body, String message) {
        assertThatThrownBy(() -> CensusPopulation.parse(bytes(body), "census"))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("census: ")
                .hasMessageContaining(message);
    }

    @Test
    void joinsOnGeoidAndCountsWhatDidNotMatch() throws Exception {
        ObjectNode tracts = (ObjectNode) JSON.readTree("{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"properties\":{\"GEOID\":\"36061000100\"}},"
                + "{\"properties\":{\"GEOID\":\"36061000200\"}}]}");
        CensusPopulation.Joined j = CensusPopulation.join(
                tracts,
                Map.of(
                        "36061000100", new CensusPopulation.Counts(100, 20),
                        "36061999900", new CensusPopulation.Counts(7, 0)));
        assertThat(j).isEqualTo(new CensusPopulation.Joined(100, 1, 1, 7));
        assertThat(tracts.at("/features/0/properties/pop2020").asInt()).isEqualTo(100);
        assertThat(tracts.at("/features/0/properties/pop2020_u18").asInt()).isEqualTo(20);
        assertThat(tracts.at("/features/1/properties/pop2020").isInt()).isTrue();
        assertThat(tracts.at("/features/1/properties/pop2020").asInt()).isZero();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
