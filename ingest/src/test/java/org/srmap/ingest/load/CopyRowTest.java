package org.srmap.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyRowTest {

    @ParameterizedTest
    @CsvSource({
        "2018-10-21T04:00:00Z",
        "2013-11-03T05:59:59Z",
        "1900-01-01T05:00:00Z",
        "1969-12-31T23:59:59Z",
        "2025-10-13T02:36:19.250Z",
        "2024-02-29T12:00:00.000001Z",
        "2010-01-01T00:00:00.123456789Z",
    })
    void writesInstantsThatReadBackAsTheSameInstant(String text) throws IOException {
        Instant instant = Instant.parse(text);
        assertThat(Instant.parse(written(new CopyRow().instant(instant)))).isEqualTo(instant);
    }

    @Test
    void writesAMissingInstantAsNull() throws IOException {
        assertThat(written(new CopyRow().instant(null))).isEqualTo("\\N");
    }

    @ParameterizedTest
    @CsvSource({"-73.9857, 40.7484", "-74.25559, 40.49612", "0, 0"})
    void writesPointsAsLittleEndianEwkbWithSrid4326(double lon, double lat) throws IOException {
        String hex = written(new CopyRow().point(lon, lat));
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.getInt()).isEqualTo(0x20000001);
        assertThat(b.getInt()).isEqualTo(4326);
        assertThat(b.getDouble()).isEqualTo(lon);
        assertThat(b.getDouble()).isEqualTo(lat);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void writesAMissingPointAsNull() throws IOException {
        assertThat(written(new CopyRow().point(Double.NaN, Double.NaN))).isEqualTo("\\N");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"plain text|plain text", "tab\\there|tab\\there", "back\\slash|back\\\\slash", "ends\\n|ends\\n"})
    void escapesOnlyWhatCopyTextFormatNeeds(String value, String expected) throws IOException {
        assertThat(written(new CopyRow().text(value.replace("\\t", "\t").replace("\\n", "\n"))))
                .isEqualTo(expected);
    }

    private static String written(CopyRow row) throws IOException {
        StringBuilder out = new StringBuilder();
        row.writeTo(out);
        return out.substring(0, out.length() - 1);
    }
}
