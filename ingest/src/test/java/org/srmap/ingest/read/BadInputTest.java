package org.srmap.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.normalize.RejectReason;

/** A corpus of broken inputs, generated here: each gives a clear message or specific malformed records. */
class BadInputTest {
    private static final String HEADER = "Unique Key,Created Date,Complaint Type,Incident Address,Status";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    private static String row(int key) {
        return key + ",03/01/2011 02:27:57 PM,HEAT/HOT WATER," + key + " MAIN STREET,Open\n";
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {"''", "'   \n\n  '", "'\uFEFF'"})
    void rejectsAnEmptyFile(String content) throws IOException {
        Path file = write("export.csv", content);

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("export.csv: the file is empty; expected a 311 export with a header line");
    }

    @Test
    void readsAHeaderOnlyFileAsZeroRows() throws IOException, SourceFormatException {
        Path file = write("export.csv", HEADER + "\n");

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.next()).isNull();
            assertThat(source.info().headers()).hasSize(5);
        }
    }

    @Test
    void reportsARecordCutOffInsideAQuotedField() throws IOException, SourceFormatException {
        Path file = write("export.csv", HEADER + "\n" + row(1) + row(2) + "3,03/01/2011 02:27:57 PM,\"HEAT/HOT WAT");

        List<ReadResult> results = Outcomes.results(file);

        assertThat(results).extracting(ReadResult::lineNumber).containsExactly(2L, 3L, 4L);
        MalformedRow last = (MalformedRow) results.get(2);
        assertThat(last.reason()).isEqualTo(RejectReason.UNTERMINATED_QUOTE);
        assertThat(last.rawText()).isEqualTo("3,03/01/2011 02:27:57 PM,\"HEAT/HOT WAT");
        assertThat(last.detail()).contains("end of the file");
    }

    @Test
    void reportsARecordCutOffOutsideQuotesAsTruncated() throws IOException, SourceFormatException {
        Path file = write("export.csv", HEADER + "\n" + row(1) + "2,03/01/2011 02:2");

        assertThat(Outcomes.of(file)).containsExactly("2:row", "3:truncated_record");
    }

    @Test
    void rejectsRandomBinaryGarbage() throws IOException {
        byte[] garbage = new byte[10_000];
        new Random(311).nextBytes(garbage);
        Path file = Files.write(dir.resolve("export.csv"), garbage);

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("export.csv: the file is binary");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
        "1F8B0800, gzip-compressed",
        "504B0304, ZIP archive",
        "FFFE5500, UTF-16",
    })
    void namesKnownNonCsvFormats(String magicHex, String expected) throws IOException {
        byte[] bytes = new byte[200];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(magicHex.substring(2 * i, 2 * i + 2), 16);
        }
        Path file = Files.write(dir.resolve("export.csv"), bytes);

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void decodesAWindows1252File() throws IOException, SourceFormatException {
        Path file = write(
                "export.csv",
                HEADER + "\n1,03/01/2011 02:27:57 PM,Noise,12 CAÑON PLACE,Open\n2,03/01/2011 02:27:57 PM,Noise,CAFÉ"
                        + " ROAD,Open\n",
                Charset.forName("windows-1252"));

        try (RowSource source = RowSources.open(file)) {
            SourceRow first = (SourceRow) source.next();
            SourceRow second = (SourceRow) source.next();
            assertThat(first.get(Field.INCIDENT_ADDRESS)).isEqualTo("12 CAÑON PLACE");
            assertThat(second.get(Field.INCIDENT_ADDRESS)).isEqualTo("CAFÉ ROAD");
            assertThat(source.info().charset().name()).isEqualTo("windows-1252");
        }
    }

    @Test
    void switchesToWindows1252WhenTheFirstSuchByteComesLate() throws IOException, SourceFormatException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int rows = 0;
        while (text.length() < 200_000) {
            text.append(row(++rows));
        }
        text.append(rows + 1).append(",03/01/2011 02:27:57 PM,Noise,1 CAÑON PLACE,Open\n");
        Path file = write("export.csv", text.toString(), Charset.forName("windows-1252"));

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.info().charset()).isEqualTo(StandardCharsets.UTF_8);
            SourceRow last = null;
            int read = 0;
            for (ReadResult result = source.next(); result != null; result = source.next()) {
                last = (SourceRow) result;
                read++;
            }
            assertThat(read).isEqualTo(rows + 1);
            assertThat(last.get(Field.INCIDENT_ADDRESS)).isEqualTo("1 CAÑON PLACE");
            assertThat(source.info().charset().name()).isEqualTo("windows-1252");
        }
    }

    @Test
    void keepsUtf8LettersAndReadsAStrayWindows1252ByteInAMixedFile() throws IOException, SourceFormatException {
        byte[] utf8 = (HEADER + "\n1,03/01/2011 02:27:57 PM,Noise,CAÑON PLACE,Open\n").getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "2,03/01/2011 02:27:57 PM,Noise,CAFÉ ROAD,Open\n".getBytes(Charset.forName("windows-1252"));
        byte[] mixed = new byte[utf8.length + cp1252.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(cp1252, 0, mixed, utf8.length, cp1252.length);
        Path file = Files.write(dir.resolve("export.csv"), mixed);

        List<ReadResult> results = Outcomes.results(file);

        assertThat(results)
                .extracting(r -> ((SourceRow) r).get(Field.INCIDENT_ADDRESS))
                .containsExactly("CAÑON PLACE", "CAFÉ ROAD");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Created Date,Complaint Type,Status | export.csv: no 'Unique Key' column in the header; found: Created"
                        + " Date, Complaint Type, Status",
                "unique_key,complaint_type | export.csv: no 'Created Date' column in the header; found: unique_key,"
                        + " complaint_type",
            })
    void rejectsAHeaderWithoutARequiredColumn(String header, String message) throws IOException {
        Path file = write("export.csv", header + "\n1,2,3\n");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(message);
    }

    @Test
    void listsAtMostTenHeadersInTheMessage() throws IOException {
        StringBuilder header = new StringBuilder("Created Date");
        for (int i = 1; i <= 14; i++) {
            header.append(",extra").append(i);
        }
        Path file = write("export.csv", header + "\n");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageEndingWith("extra8, extra9, ... (5 more)");
    }

    @Test
    void rejectsAFileWithOnlyUnknownHeaders() throws IOException {
        Path file = write("export.csv", "name,age,colour\nAnn,3,red\n");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("export.csv: the header does not look like a 311 export: none of its names is a 311 column"
                        + " such as 'Unique Key' or 'Created Date'; found: name, age, colour");
    }

    @Test
    void reportsUnknownColumnsOnceAndLoadsTheRows() throws IOException, SourceFormatException {
        Path file = write(
                "export.csv",
                """
                Unique Key,Mystery,Created Date,school_name,:@computed_region_abc,Complaint Type,Other Thing
                1,x,03/01/2011 02:27:57 PM,PS 1,7,Noise,y
                """);

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.info().unknownHeaders()).containsExactly("Mystery", "Other Thing");
            SourceRow row = (SourceRow) source.next();
            assertThat(row.values()).containsOnlyKeys(Field.UNIQUE_KEY, Field.CREATED_DATE, Field.COMPLAINT_TYPE);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void reportsRowsWithTooManyOrTooFewFieldsAndLoadsTheOthers() throws IOException, SourceFormatException {
        Path file = write(
                "export.csv",
                HEADER + "\n" + row(1) + row(2) + "3,03/01/2011 02:27:57 PM,Noise,1 MAIN ST,Open,surplus\n"
                        + "4,03/01/2011 02:27:57 PM,Noise,Open\n" + row(5));

        List<ReadResult> results = Outcomes.results(file);

        assertThat(Outcomes.of(file))
                .containsExactly("2:row", "3:row", "4:wrong_field_count", "5:wrong_field_count", "6:row");
        assertThat(((MalformedRow) results.get(2)).detail()).isEqualTo("6 fields where the header has 5");
        assertThat(((MalformedRow) results.get(3)).rawText()).isEqualTo("4,03/01/2011 02:27:57 PM,Noise,Open");
    }

    @Test
    void acceptsEmptyTrailingFieldsBeyondTheHeader() throws IOException, SourceFormatException {
        Path file = write("export.csv", HEADER + "\n" + row(1).replace("\n", ",\n") + row(2).replace("\n", ",,\n"));

        assertThat(Outcomes.of(file)).containsExactly("2:row", "3:row");
    }

    @Test
    void reportsAOneMegabyteFieldAndLoadsTheNextRow() throws IOException, SourceFormatException {
        String huge = "x".repeat(1_000_000);
        Path file = write("export.csv", HEADER + "\n1,03/01/2011 02:27:57 PM,Noise,\"" + huge + "\",Open\n" + row(2));

        List<ReadResult> results = Outcomes.results(file);

        assertThat(results).hasSize(2);
        MalformedRow tooLong = (MalformedRow) results.get(0);
        assertThat(tooLong.reason()).isEqualTo(RejectReason.FIELD_TOO_LONG);
        assertThat(tooLong.rawText()).hasSize(MalformedRow.MAX_RAW_TEXT);
        assertThat(tooLong.detail())
                .isEqualTo("column 4 (Incident Address) holds 1,000,000 characters; at most 65,536" + " are allowed");
        assertThat(results.get(1)).isInstanceOf(SourceRow.class);
    }

    @Test
    void resumesAfterAStrayQuoteThatNeverCloses() throws IOException, SourceFormatException {
        Path file = write(
                "export.csv",
                HEADER + "\n" + row(1) + "2,03/01/2011 02:27:57 PM,Noise,\"5 MAIN ST,Open\n" + row(3) + row(4));

        assertThat(Outcomes.of(file)).containsExactly("2:row", "3:unterminated_quote", "4:row", "5:row");
    }

    @Test
    void stopsAStrayQuoteFromSwallowingMoreThanTheRecordLimit() throws IOException, SourceFormatException {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(row(1));
        text.append("2,03/01/2011 02:27:57 PM,Noise,\"5 MAIN ST,Open\n");
        int key = 2;
        String padding = "y".repeat(400);
        while (text.length() < CsvRowSource.MAX_RECORD_CHARS + 1_000_000) {
            text.append(++key)
                    .append(",03/01/2011 02:27:57 PM,Noise,")
                    .append(padding)
                    .append(",Open\n");
        }
        Path file = write("export.csv", text.toString());

        List<String> outcomes = Outcomes.of(file);

        assertThat(outcomes).hasSize(key);
        assertThat(outcomes.subList(0, 3)).containsExactly("2:row", "3:unterminated_quote", "4:row");
        assertThat(outcomes).filteredOn(o -> !o.endsWith(":row")).hasSize(1);
    }

    @Test
    void reportsTextAfterAClosingQuoteAndResumes() throws IOException, SourceFormatException {
        Path file = write(
                "export.csv", HEADER + "\n" + row(1) + "2,03/01/2011 02:27:57 PM,Noise,\"5 MAIN\" ST,Open\n" + row(3));

        assertThat(Outcomes.of(file)).containsExactly("2:row", "3:bad_quoting", "4:row");
    }

    @Test
    void rejectsJsonThatIsNotAnArray() throws IOException {
        Path file = write("export.json", "{\"unique_key\": \"1\", \"created_date\": \"2024-05-27T02:08:51.000\"}");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("export.json: this is a JSON object, not an array of records");
    }

    @Test
    void reportsAJsonArrayCutOffInsideAnObject() throws IOException, SourceFormatException {
        String element = "{\"unique_key\": \"%d\", \"created_date\": \"2024-05-27T02:08:51.000\", \"complaint_type\":"
                + " \"Noise\"}";
        Path file = write(
                "export.json",
                "[" + String.format(element, 1) + ", " + String.format(element, 2)
                        + ", {\"unique_key\": \"3\", \"crea");

        List<ReadResult> results = Outcomes.results(file);

        assertThat(results).extracting(ReadResult::lineNumber).containsExactly(1L, 2L, 3L);
        MalformedRow cut = (MalformedRow) results.get(2);
        assertThat(cut.reason()).isEqualTo(RejectReason.MALFORMED_JSON_RECORD);
        assertThat(cut.rawText()).isEqualTo("{\"unique_key\": \"3\", \"crea");
        assertThat(cut.detail()).isEqualTo("the file ends inside element 3; it looks cut off");
    }

    @Test
    void rejectsJsonBrokenInItsFirstRecord() throws IOException {
        Path file = write("export.json", "[{\"unique_key\": \"1\" \"created_date\": 2}]");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("export.json: not valid JSON: ")
                .hasMessageContaining("line 1, column ");
    }

    @Test
    void reportsAMissingFileClearly() {
        Path file = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(file + ": no such file");
    }
}
