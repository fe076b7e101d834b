package org.srmap.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NycTimestampsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "03/01/2011 02:27:57 PM,  2011-03-01T19:27:57Z",
        "03/01/2011 02:27:57 pm,  2011-03-01T19:27:57Z",
        "06/26/2018 10:58:54 AM,  2018-06-26T14:58:54Z",
        "12/25/2013 12:00:00 AM,  2013-12-25T05:00:00Z",
        "12/25/2013 12:30:00 PM,  2013-12-25T17:30:00Z",
        "3/1/2011 2:27:57 PM,     2011-03-01T19:27:57Z",
        "3/1/2011 2:27 PM,        2011-03-01T19:27:00Z",
        "10/21/18 0:00,           2018-10-21T04:00:00Z",
        "10/21/18 13:05,          2018-10-21T17:05:00Z",
        "1/5/19 8:00,             2019-01-05T13:00:00Z",
        "10/21/2018 8:00,         2018-10-21T12:00:00Z",
        "2025-10-12T22:36:19.000, 2025-10-13T02:36:19Z",
        "2025-10-12T22:36:19,     2025-10-13T02:36:19Z",
        "2023-12-08 12:00:00,     2023-12-08T17:00:00Z",
        "2023-12-08T12:00:00.5,   2023-12-08T17:00:00.500Z",
        "2023-12-08T12:00,        2023-12-08T17:00:00Z",
        "01/01/1900 12:00:00 AM,  1900-01-01T05:00:00Z",
        "1900-01-01T00:00:00.000, 1900-01-01T05:00:00Z",
    })
    void parsesEveryExportFormatAsNewYorkTime(String text, Instant expected) {
        EnumSet<Warning> warnings = EnumSet.noneOf(Warning.class);

        assertThat(NycTimestamps.parse(text, warnings)).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    /** 2019-03-10 02:00 EST jumps to 03:00 EDT; 2018-11-04 02:00 EDT falls back to 01:00 EST. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "03/10/2019 01:59:59 AM,  2019-03-10T06:59:59Z, ",
        "03/10/2019 02:00:00 AM,  2019-03-10T07:00:00Z, DST_GAP_SHIFTED",
        "03/10/2019 02:30:00 AM,  2019-03-10T07:30:00Z, DST_GAP_SHIFTED",
        "03/10/2019 02:59:59 AM,  2019-03-10T07:59:59Z, DST_GAP_SHIFTED",
        "03/10/2019 03:00:00 AM,  2019-03-10T07:00:00Z, ",
        "2019-03-10T02:30:00.000, 2019-03-10T07:30:00Z, DST_GAP_SHIFTED",
        "3/10/19 2:30,            2019-03-10T07:30:00Z, DST_GAP_SHIFTED",
        "11/04/2018 12:59:59 AM,  2018-11-04T04:59:59Z, ",
        "11/04/2018 01:00:00 AM,  2018-11-04T05:00:00Z, DST_OVERLAP",
        "11/04/2018 01:30:00 AM,  2018-11-04T05:30:00Z, DST_OVERLAP",
        "11/04/2018 01:59:59 AM,  2018-11-04T05:59:59Z, DST_OVERLAP",
        "11/04/2018 02:00:00 AM,  2018-11-04T07:00:00Z, ",
        "2018-11-04T01:30:00.000, 2018-11-04T05:30:00Z, DST_OVERLAP",
        "11/4/18 1:30,            2018-11-04T05:30:00Z, DST_OVERLAP",
    })
    void resolvesDaylightSavingTransitions(String text, Instant expected, Warning warning) {
        EnumSet<Warning> warnings = EnumSet.noneOf(Warning.class);

        assertThat(NycTimestamps.parse(text, warnings)).isEqualTo(expected);
        if (warning == null) {
            assertThat(warnings).isEmpty();
        } else {
            assertThat(warnings).containsExactly(warning);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "13/01/2011 02:27:57 PM",
        "02/30/2011 02:27:57 PM",
        "03/01/2011 00:27:57 AM",
        "03/01/2011 14:27:57 PM",
        "03/01/2011 02:27:57 XM",
        "03-01-2011 02:27:57 PM",
        "2025-13-12T22:36:19.000",
        "2025-10-12T25:36:19",
        "2025-10-12T22:36:19.00x",
        "2011-03-01",
        "03/01/2011",
        "yesterday",
        "10/21/18 24:00",
    })
    void refusesTextThatIsNotATimestamp(String text) {
        assertThat(NycTimestamps.parse(text, EnumSet.noneOf(Warning.class))).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "03/01/2011 02:27:57 PM",
        "12/31/2019 12:00:00 AM",
        "12/31/2019 12:59:59 PM",
        "02/29/2020 11:11:11 AM",
        "02/29/2019 11:11:11 AM",
        "03/01/2011 00:27:57 AM",
        "2025-10-12T22:36:19.000",
        "2025-10-12 22:36:19",
        "2024-02-30T10:00:00.000",
    })
    void readsFixedWidthFormsExactlyAsTheFormattersDo(String text) {
        assertThat(NycTimestamps.parseLocal(text)).isEqualTo(NycTimestamps.parseWithFormatters(text));
    }
}
