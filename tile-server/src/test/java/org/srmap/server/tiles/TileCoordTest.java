package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileCoordTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "25 | 0 | 0 | z must be 0..22, was 25",
                "-1 | 0 | 0 | z must be 0..22, was -1",
                "2 | 4 | 0 | x must be 0..3 at z 2, was 4",
                "2 | 0 | -1 | y must be 0..3 at z 2, was -1",
                "0 | 1 | 0 | x must be 0..0 at z 0, was 1"
            })
    void rejectsTilesOutsideThePyramid(int z, int x, int y, String message) {
        assertThatThrownBy(() -> new TileCoord(z, x, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsTheCornersOfTheDeepestZoom() {
        int last = (1 << 22) - 1;
        assertThat(new TileCoord(22, last, last).x()).isEqualTo(last);
    }
}
