package org.srmap.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceInputTest {

    @ParameterizedTest
    @CsvSource({
        "export.csv, 1000, 1000",
        "export.CSV.GZ, 1000, 5000",
        "rows.json.gz, 200, 1000",
        "https://example.org/x.csv, -1, -1",
        "big.csv.gz, -1, -1",
    })
    void estimatesTheTextSizeOfCompressedSourcesForTheLoadPlan(String name, long size, long expected) {
        FileInput input = new FileInput(name, size, () -> new ByteArrayInputStream(new byte[0]));
        assertThat(input.estimatedTextBytes()).isEqualTo(expected);
    }
}
