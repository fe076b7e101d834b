package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
