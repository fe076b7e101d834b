package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTextTest {

    private static final DateTimeFormatter EXPORT = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    @ParameterizedTest
    @CsvSource({
        "2022-05-01T00:00:03, 05/01/2022 12:00:03 AM",
        "2022-05-01T12:07:46, 05/01/2022 12:07:46 PM",
        "2023-01-31T23:59:59, 01/31/2023 11:59:59 PM",
        "2024-02-29T09:05:00, 02/29/2024 09:05:00 AM",
        "1900-01-01T00:00:00, 01/01/1900 12:00:00 AM",
        "2031-07-04T13:00:00, 07/04/2031 01:00:00 PM"
    })
    void writesTheExportFormatInsideAndOutsideTheCachedDays(LocalDateTime time, String expected) throws IOException {
        TimestampText text = new TimestampText(LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31));

        String written = write(text, TimestampText.localSeconds(time));

        assertThat(written).isEqualTo(expected).isEqualTo(EXPORT.format(time));
    }

    private static String write(TimestampText text, long localSeconds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBuffer buffer = new RowBuffer(out, 1024);
        text.append(buffer, localSeconds);
        buffer.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }
}
