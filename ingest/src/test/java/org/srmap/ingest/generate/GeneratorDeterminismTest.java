package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorDeterminismTest {

    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Test
    void sameSpecGivesByteIdenticalExportsEvenWithAFreshCalibration(@TempDir Path dir) throws Exception {
        GeneratorSpec spec = new GeneratorSpec(20_000, 99, FROM, TO, SharedData.dir());
        Path file = dir.resolve("first.csv");

        GeneratorStats fromFile = Generator.write(spec, file);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        GeneratorStats fromCache = Generator.write(SharedData.calibration(), spec, second);

        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(second.toByteArray()));
        assertThat(fromFile).isEqualTo(fromCache);
    }

    @Test
    void differentSeedsGiveDifferentExports() throws Exception {
        String first = sha256(generate(new GeneratorSpec(20_000, 1, FROM, TO, SharedData.dir())));
        String second = sha256(generate(new GeneratorSpec(20_000, 2, FROM, TO, SharedData.dir())));

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 2024-07-04, 2024-07-04",
        "2, 2024-01-01, 2024-01-01",
        "17, 2024-01-01, 2024-01-31",
        "3000, 2019-02-01, 2025-03-31"
    })
    void writesExactlyTheRequestedRowsAfterTheHeader(long rows, LocalDate from, LocalDate to) throws IOException {
        GeneratorSpec spec = new GeneratorSpec(rows, rows, from, to, SharedData.dir());

        byte[] bytes = generate(spec);

        long lines = 0;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        assertThat(lines).isEqualTo(rows + 1);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
    }

    private static byte[] generate(GeneratorSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out) {
            Generator.write(SharedData.calibration(), spec, stream);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
