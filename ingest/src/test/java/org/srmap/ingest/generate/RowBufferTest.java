package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowBufferTest {

    @ParameterizedTest
    @CsvSource({
        "40.83065331987539, 40.83065331987539",
        "-73.92308231033165, -73.92308231033165",
        "-73.5, -73.5",
        "-73.9, -73.90000000000001",
        "40.5, 40.5",
        "0, 0.0",
        "-0.0, 0.0",
        "1.00000000000001, 1.00000000000001",
        "1.000000000000004, 1.0",
        "179.99999999999999, 180.0"
    })
    void writesCoordinatesRoundedToFourteenDecimalsWithoutTrailingZeros(double degrees, String expected)
            throws IOException {
        assertThat(written(b -> b.putCoordinate(degrees))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "7, 7", "60000000, 60000000", "-42, -42", "9223372036854775807, 9223372036854775807"})
    void writesWholeNumbers(long value, String expected) throws IOException {
        assertThat(written(b -> b.putLong(value))).isEqualTo(expected);
    }

    @Test
    void truncatesBackToAMarkAndRepeatsEarlierBytes() throws IOException {
        String text = written(b -> {
            b.putAscii("abc,");
            int mark = b.position();
            b.putAscii("def");
            b.truncateTo(mark);
            b.putAscii("x|");
            b.repeat(0, 3);
        });

        assertThat(text).isEqualTo("abc,x|abc");
    }

    @Test
    void flushesWhenAReservationWouldNotFit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBuffer buffer = new RowBuffer(out, 1024);
        buffer.putAscii("a".repeat(1000));
        buffer.reserve(100);

        assertThat(out.size()).isEqualTo(1000);
        assertThatThrownBy(() -> buffer.reserve(2000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String written(Consumer<RowBuffer> action) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBuffer buffer = new RowBuffer(out, 1024);
        action.accept(buffer);
        buffer.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }
}
