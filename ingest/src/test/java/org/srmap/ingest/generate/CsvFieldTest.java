package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvFieldTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("Noise - Residential", "Noise - Residential"),
                Arguments.of("1-, 2- and 3- Family Home", "\"1-, 2- and 3- Family Home\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("line\nbreak", "\"line\nbreak\""),
                Arguments.of("carriage\rreturn", "\"carriage\rreturn\""),
                Arguments.of("Café", "Café"));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void quotesOnlyFieldsWithCommasQuotesOrLineBreaks(String text, String written) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBuffer buffer = new RowBuffer(out, 1024);
        buffer.put(CsvField.of(text));
        buffer.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(written);
        assertThat(CsvField.of(text).text()).isEqualTo(text);
    }
}
