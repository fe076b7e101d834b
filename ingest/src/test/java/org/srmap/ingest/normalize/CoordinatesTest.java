package org.srmap.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinatesTest {
    @ParameterizedTest
    @CsvSource({
        "40.70940532017516, 40.70940532017516",
        "-73.86516782134358, -73.86516782134358",
        "'1,017,901', 1017901",
        "1017901, 1017901",
        "+1.5e2, 150",
        "-0.0, -0.0",
        "40.7, 40.7",
    })
    void readsDecimalNumbers(String text, double expected) {
        assertThat(Coordinates.number(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'1,01,7901'", "40.7N", "NaN", "Infinity", "1e999", "''", "0x1p3", "--1", "1.2.3"})
    void givesNaNForWhatIsNotAFiniteDecimal(String text) {
        assertThat(Coordinates.number(text)).isNaN();
    }

    @Test
    void readsEveryNumberExactlyAsTheJdkDoes() {
        Random random = new Random(311);
        for (int i = 0; i < 200_000; i++) {
            String text =
                    switch (i % 4) {
                        case 0 -> Double.toString(40 + random.nextDouble()); // 16-17 significant digits
                        case 1 -> Double.toString(-74 + random.nextDouble() / 2);
                        case 2 ->
                            String.format(Locale.ROOT, "%." + random.nextInt(20) + "f", random.nextDouble() * 1e6);
                        default ->
                            Long.toString(random.nextLong() % 10_000_000_000L) + "." + random.nextInt(1000)
                                    + (random.nextBoolean() ? "e" + (random.nextInt(40) - 20) : "");
                    };
            assertThat(Coordinates.number(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }
}
