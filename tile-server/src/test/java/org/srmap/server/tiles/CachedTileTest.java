package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachedTileTest {
    /** Random bytes do not compress (the output outgrows its first guess); repeated ones do. */
    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "700, false", "16384, true", "16385, true", "200000, true", "200000, false"})
    void gzipsWhatTheJdkGunzips(int size, boolean random) throws IOException {
        byte[] data = new byte[size];
        Random r = new Random(size);
        for (int i = 0; i < size; i++) {
            data[i] = random ? (byte) r.nextInt() : (byte) (i % 7);
        }
        for (int round = 0; round < 2; round++) { // the second reuses this thread's deflater
            CachedTile tile = CachedTile.of(new Tile(data, false), "\"e\"");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(tile.gzip()))) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            assertThat(tile.plain()).isEqualTo(data);
            assertThat(tile.empty()).isEqualTo(size == 0);
            if (!random && size > 0) {
                assertThat(tile.gzip().length).isLessThan(size / 4 + 32);
            }
        }
    }
}
