package org.srmap.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV details: quoting, line ends, line numbers and raw text. */
class CsvReadingTest {
    private static RowSource open(String text) throws IOException, SourceFormatException {
        return RowSources.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    @Test
    void keepsQuotedLineBreaksAndDoubledQuotesInOneRecord() throws IOException, SourceFormatException {
        String second = "2,\"2025-10-13T01:51:20.000\",\"said \"\"hello\"\"\nand left\",\"\n,  \n(40.7, -73.8)\"";
        try (RowSource source =
                open("unique_key,created_date,descriptor,location\n1,x,y,z\n" + second + "\n3,x,y,z\n")) {
            List<String> outcomes = Outcomes.of(source);
            assertThat(outcomes).containsExactly("2:row", "3:row", "7:row");
        }
        try (RowSource source = open("unique_key,created_date,descriptor,location\n" + second + "\n")) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.get(Field.DESCRIPTOR)).isEqualTo("said \"hello\"\nand left");
            assertThat(row.get(Field.LOCATION)).isEqualTo("\n,  \n(40.7, -73.8)");
            assertThat(row.rawText()).isEqualTo(second);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "LF                | 'Unique Key,Created Date\n1,a\n2,b\n'      | 2:row 3:row",
                "CR LF             | 'Unique Key,Created Date\r\n1,a\r\n2,b\r\n' | 2:row 3:row",
                "no final line end | 'Unique Key,Created Date\r\n1,a\r\n2,b'     | 2:row 3:row",
                "blank lines       | 'Unique Key,Created Date\n\n1,a\n\r\n\n2,b\n\n' | 3:row 6:row",
                "byte-order mark   | '\uFEFFUnique Key,Created Date\n1,a\n'    | 2:row",
            })
    void numbersRecordsByThePhysicalLineTheyStartOn(String name, String text, String expected)
            throws IOException, SourceFormatException {
        try (RowSource source = open(text)) {
            assertThat(String.join(" ", Outcomes.of(source))).isEqualTo(expected);
        }
    }

    @Test
    void givesTheRawTextWithoutTheLineEnd() throws IOException, SourceFormatException {
        try (RowSource source = open("\uFEFFUnique Key,Created Date\r\n1,\"a, b\"\r\n")) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.rawText()).isEqualTo("1,\"a, b\"");
            assertThat(row.get(Field.CREATED_DATE)).isEqualTo("a, b");
            assertThat(source.info().headers()).containsExactly("Unique Key", "Created Date");
        }
    }

    @Test
    void usesTheFirstOfTwoColumnsForTheSameFieldAndReportsTheSecond() throws IOException, SourceFormatException {
        try (RowSource source = open("Unique Key,Created Date,Complaint Type,complaint_type\n1,a,first,second\n")) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.get(Field.COMPLAINT_TYPE)).isEqualTo("first");
            assertThat(source.info().unknownHeaders()).containsExactly("complaint_type");
        }
    }

    @Test
    void findsColumnsByNameWhateverTheirOrder() throws IOException, SourceFormatException {
        try (RowSource source = open("status,created_date,complaint_type,unique_key\nOpen,2023-12-08,Noise,42\n")) {
            SourceRow row = (SourceRow) source.next();
            assertThat(row.get(Field.UNIQUE_KEY)).isEqualTo("42");
            assertThat(row.get(Field.STATUS)).isEqualTo("Open");
            assertThat(source.info().format()).isEqualTo(Format.CSV);
        }
    }
}
