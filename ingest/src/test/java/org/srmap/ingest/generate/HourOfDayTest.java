package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HourOfDayTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 1_000, 100_000})
    void sortedUniformsIncreaseAndSpreadEvenly(int count) {
        HourOfDay.SortedUniforms uniforms = new HourOfDay.SortedUniforms();
        SplittableRandom random = new SplittableRandom(count);
        uniforms.start(count);
        double previous = 0;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double u = uniforms.next(random);
            assertThat(u).isBetween(previous, 1.0);
            previous = u;
            sum += u;
        }
        if (count >= 1_000) {
            assertThat(sum / count).isCloseTo(0.5, within(0.03));
        }
    }

    @Test
    void followsTheHourlyCountsWithoutTheMidnightAndNoonStamps() {
        List<Long> counts = new java.util.ArrayList<>(Collections.nCopies(24, 100L));
        counts.set(0, 1_100L);
        counts.set(12, 2_100L);
        HourOfDay hours = HourOfDay.of(counts, 1_000, 2_000);

        int[] perHour = new int[24];
        for (int i = 0; i < 24_000; i++) {
            perHour[hours.secondOfDay((i + 0.5) / 24_000) / 3600]++;
        }

        for (int h = 0; h < 24; h++) {
            assertThat(perHour[h]).as("hour %d", h).isEqualTo(1_000);
        }
        assertThat(hours.secondOfDay(0)).isZero();
        assertThat(hours.secondOfDay(1)).isEqualTo(86_399);
    }
}
