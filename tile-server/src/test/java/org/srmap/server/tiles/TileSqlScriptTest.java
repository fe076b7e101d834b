package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.server.filter.Filter;

class TileSqlScriptTest {
    @Test
    void replacesEachParameterInOrder() {
        assertThat(TileSqlScript.render("SELECT ?, ?::date, f(?)", Map.of(1, "12", 2, "'2024-01-01'", 3, ":x")))
                .isEqualTo("SELECT 12, '2024-01-01'::date, f(:x)");
    }

    @Test
    void refusesParametersLeftUnbound() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TileSqlScript.render("SELECT ?, ?", Map.of(1, "1")))
                .withMessage("parameter 2 was not bound");
        assertThatIllegalStateException()
                .isThrownBy(() -> TileSqlScript.render("SELECT ?", Map.of(1, "1", 2, "2")))
                .withMessage("bound 2 parameters, the SQL has 1");
    }

    @ParameterizedTest
    @CsvSource({"DISTRICTS, 10, 1", "HEXBINS, 12, 1", "REQUESTS, 14, 5"})
    void printsEachLayerBoundWithTheTileAsPgbenchVariables(Layer layer, int z, int statements) throws SQLException {
        Filter year = new Filter(
                null, List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, List.of(), null);

        String script = TileSqlScript.script(layer, z, year, 2500);

        assertThat(script).doesNotContain("?").contains(z + ", :x, :y").contains("'2024-01-01'");
        assertThat(script.split("ST_TileEnvelope\\(", -1).length - 1)
                .as("tile envelopes")
                .isGreaterThanOrEqualTo(statements);
        if (layer == Layer.REQUESTS) {
            assertThat(script)
                    .contains("LIMIT 10001) s \\gset probe_")
                    .contains("\\if :probe_matching * 64 <= 2500 and :probe_reads * 64 <= 10000\n")
                    .contains("\\else\n")
                    .endsWith("\\endif\n")
                    .contains("unique_key % 64 = 0");
        }
    }
}
