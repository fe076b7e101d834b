package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AliasTableTest {

    private static final int DRAWS = 400_000;

    static Stream<double[]> weightTables() {
        return Stream.of(
                new double[] {1},
                new double[] {1, 1},
                new double[] {1, 3},
                new double[] {0, 5, 0, 5},
                new double[] {70, 20, 9, 0.9, 0.1},
                new double[] {1e-9, 1, 1e9});
    }

    @ParameterizedTest
    @MethodSource("weightTables")
    void drawsEachIndexInProportionToItsWeight(double[] weights) {
        AliasTable table = AliasTable.of(weights);
        SplittableRandom random = new SplittableRandom(11);
        long[] counts = new long[weights.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[table.sample(random)]++;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < weights.length; i++) {
            double expected = weights[i] / total;
            assertThat((double) counts[i] / DRAWS).as("index %d", i).isCloseTo(expected, within(0.005));
            if (weights[i] == 0) {
                assertThat(counts[i]).as("zero-weight index %d", i).isZero();
            }
        }
    }

    static Stream<Arguments> invalidWeights() {
        return Stream.of(
                Arguments.of(new double[0], "weights must not be empty"),
                Arguments.of(new double[] {0, 0}, "weights must have a positive sum"),
                Arguments.of(new double[] {1, -1}, "weights must be finite and >= 0, was -1.0 at index 1"),
                Arguments.of(new double[] {Double.NaN}, "weights must be finite and >= 0, was NaN at index 0"),
                Arguments.of(new double[] {Double.POSITIVE_INFINITY}, "weights must be finite"));
    }

    @ParameterizedTest
    @MethodSource("invalidWeights")
    void rejectsWeightsThatAreNotADistribution(double[] weights, String message) {
        assertThatThrownBy(() -> AliasTable.of(weights))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
