package org.srmap.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyRowTest {

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
