package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorSpecTest {

    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final Path DATA = Path.of("data");

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of(0L, FROM, TO, DATA, IllegalArgumentException.class, "rows must be >= 1, was 0"),
                Arguments.of(-5L, FROM, TO, DATA, IllegalArgumentException.class, "rows must be >= 1, was -5"),
                Arguments.of(1L, null, TO, DATA, NullPointerException.class, "from must not be null"),
                Arguments.of(1L, FROM, null, DATA, NullPointerException.class, "to must not be null"),
                Arguments.of(1L, FROM, TO, null, NullPointerException.class, "dataDir must not be null"),
                Arguments.of(
                        1L,
                        TO,
                        FROM,
                        DATA,
                        IllegalArgumentException.class,
                        "to must not be before from, was from 2024-12-31 to 2023-01-01"),
                Arguments.of(
                        1L,
                        LocalDate.of(1900, 6, 1),
                        TO,
                        DATA,
                        IllegalArgumentException.class,
                        "from and to must lie within 1901-01-01..9998-12-31"));
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void rejectsInvalidSpecsWithAMessageNamingTheProblem(
            long rows, LocalDate from, LocalDate to, Path dataDir, Class<? extends Exception> type, String message) {
        assertThatThrownBy(() -> new GeneratorSpec(rows, 7, from, to, dataDir))
                .isInstanceOf(type)
                .hasMessageContaining(message);
    }

    @Test
    void acceptsASingleDayAndAnySeed() {
        GeneratorSpec spec = new GeneratorSpec(1, Long.MIN_VALUE, FROM, FROM, DATA);

        assertThat(spec.rows()).isEqualTo(1);
        assertThat(spec.from()).isEqualTo(spec.to());
    }
}
