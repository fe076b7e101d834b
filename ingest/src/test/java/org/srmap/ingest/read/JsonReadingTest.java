package org.srmap.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.normalize.RejectReason;

/** SODA JSON details: element indexes, raw text, value kinds and the location object. */
class JsonReadingTest {
    private static RowSource open(String text) throws IOException, SourceFormatException {
        return RowSources.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void numbersElementsAndKeepsTheirExactText() throws IOException, SourceFormatException {
        String first = "{\"unique_key\": \"1\", \"created_date\": \"2024-05-27T02:08:51.000\"}";
        String second = "{\"unique_key\":2,\n \"created_date\":\"2024-05-27T02:08:51.000\",\"bbl\":null}";
        try (RowSource source = open("[" + first + ",\n" + second + "]")) {
            SourceRow one = (SourceRow) source.next();
            SourceRow two = (SourceRow) source.next();
            assertThat(source.next()).isNull();
            assertThat(one.lineNumber()).isEqualTo(1);
            assertThat(one.rawText()).isEqualTo(first);
            assertThat(two.lineNumber()).isEqualTo(2);
            assertThat(two.rawText()).isEqualTo(second);
            assertThat(two.get(Field.UNIQUE_KEY)).isEqualTo("2");
            assertThat(two.values()).doesNotContainKey(Field.BBL);
            assertThat(source.info().format()).isEqualTo(Format.SODA_JSON);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SODA location object | {\"latitude\": \"40.84\", \"longitude\": \"-73.93\", \"human_address\": \"{}\"}"
                        + " | 40.84 | -73.93",
                "GeoJSON point        | {\"type\": \"Point\", \"coordinates\": [-73.96, 40.77]} | 40.77 | -73.96",
            })
    void takesLatitudeAndLongitudeFromTheLocationObject(String name, String location, String latitude, String longitude)
            throws IOException, SourceFormatException {
        String json = "[{\"unique_key\": \"1\", \"created_date\": \"x\", \"location\": " + location + "}]";
        try (RowSource source = open(json)) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.get(Field.LATITUDE)).isEqualTo(latitude);
            assertThat(row.get(Field.LONGITUDE)).isEqualTo(longitude);
        }
    }

    @Test
    void prefersTheElementsOwnLatitude() throws IOException, SourceFormatException {
        String json = "[{\"unique_key\": \"1\", \"created_date\": \"x\", \"location\": {\"latitude\": \"1\","
                + " \"longitude\": \"2\"}, \"latitude\": \"40.5\", \"longitude\": \"-74.1\"}]";
        try (RowSource source = open(json)) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.get(Field.LATITUDE)).isEqualTo("40.5");
            assertThat(row.get(Field.LONGITUDE)).isEqualTo("-74.1");
        }
    }

    @Test
    void reportsAnOverlongValueAndGoesOn() throws IOException, SourceFormatException {
        String ok = "{\"unique_key\": \"1\", \"created_date\": \"x\"}";
        String huge =
                "{\"unique_key\": \"2\", \"created_date\": \"x\", \"descriptor\": \"" + "z".repeat(70_000) + "\"}";
        try (RowSource source = open("[" + ok + ", " + huge + ", " + ok + "]")) {
            assertThat(Outcomes.of(source)).containsExactly("1:row", "2:field_too_long", "3:row");
        }
    }

    @Test
    void reportsAnElementThatIsNotAnObjectAndGoesOn() throws IOException, SourceFormatException {
        String ok = "{\"unique_key\": \"1\", \"created_date\": \"x\"}";
        try (RowSource source = open("[" + ok + ", 42, [1, 2], " + ok + "]")) {
            assertThat(Outcomes.of(source))
                    .containsExactly("1:row", "2:malformed_json_record", "3:malformed_json_record", "4:row");
        }
    }

    @Test
    void reportsASyntaxErrorInALaterElementAndStops() throws IOException, SourceFormatException {
        String ok = "{\"unique_key\": \"1\", \"created_date\": \"x\"}";
        try (RowSource source = open("[" + ok + ", {\"unique_key\": \"2\" : }, " + ok + "]")) {
            assertThat(source.next()).isInstanceOf(SourceRow.class);
            MalformedRow broken = (MalformedRow) source.next();
            assertThat(broken.reason()).isEqualTo(RejectReason.MALFORMED_JSON_RECORD);
            assertThat(broken.lineNumber()).isEqualTo(2);
            assertThat(broken.detail())
                    .startsWith("element 2 is not valid JSON")
                    .endsWith("cannot be read");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void endsQuietlyWhenTheFileIsCutBetweenElements() throws IOException, SourceFormatException {
        String ok = "{\"unique_key\": \"1\", \"created_date\": \"x\"}";
        try (RowSource source = open("[" + ok + ", " + ok + ",\n")) {
            assertThat(Outcomes.of(source)).containsExactly("1:row", "2:row");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'[{\"created_date\": \"x\", \"agency\": \"NYPD\"}]' | test.json: no 'unique_key' key in the first"
                        + " record; found: created_date, agency",
                "'[1, 2]' | test.json: the JSON array does not hold 311 records: element 1 is a number, not an object",
                "'[' | test.json: not valid JSON: ",
            })
    void rejectsJsonThatIsNot311Records(String json, String message) {
        assertThatThrownBy(() -> open(json))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void readsAnEmptyArrayAsZeroRows() throws IOException, SourceFormatException {
        try (RowSource source = open(" [ ] ")) {
            assertThat(source.next()).isNull();
        }
    }
}
