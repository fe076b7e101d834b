package org.srmap.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvSplitterTest {
    private static final CSVFormat RFC4180 =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    @Test
    void splitsLikeCommonsCsvOnRandomWellFormedText() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            String text = wellFormed(random);
            assertThat(split(text, 1 << 20)).as("input %s", text).isEqualTo(commonsCsv(text));
        }
    }

    @Test
    void splitsLikeCommonsCsvOnRandomTextWheneverCommonsCsvAcceptsIt() throws IOException {
        Random random = new Random(7);
        int compared = 0;
        for (int round = 0; round < 20_000; round++) {
            String text = noise(random);
            List<List<String>> expected;
            try {
                expected = commonsCsv(text);
            } catch (UncheckedIOException e) {
                continue;
            }
            compared++;
            assertThat(split(text, 1 << 20))
                    .as("input %s", text.replace("\r", "\\r"))
                    .isEqualTo(expected);
        }
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void keepsRawTextAndStartLineOfEveryRecord() throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader("a,b\r\n\n\"x\ny\",2\nlast,\"q\"\"\""), 1000);
        List<String> seen = new ArrayList<>();
        CsvSplitter.Record r;
        while ((r = s.next()) != null) {
            seen.add(r.line() + "|" + r.raw() + "|" + r.fields() + "|" + r.terminated());
        }
        assertThat(seen)
                .containsExactly(
                        "1|a,b|[a, b]|true", "3|\"x\ny\",2|[x\ny, 2]|true", "5|last,\"q\"\"\"|[last, q\"]|false");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'a,\"b\"c,d\nnext,row\n'|TEXT_AFTER_QUOTE|1|'a,\"b\"c,d'|next",
                "'a,\"open\nmore\nrows\n'|UNCLOSED_AT_END|1|'a,\"open'|more",
            })
    void reportsTheFirstLineOfABrokenRecordAndResumesAfterIt(
            String text, CsvSplitter.Broken why, long line, String raw, String nextFirstField) throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader(text), 1000);
        CsvSplitter.Record broken = s.next();
        assertThat(broken.broken()).isEqualTo(why);
        assertThat(broken.line()).isEqualTo(line);
        assertThat(broken.raw()).isEqualTo(raw);
        CsvSplitter.Record after = s.next();
        assertThat(after.line()).isEqualTo(line + 1);
        assertThat(after.fields().get(0)).isEqualTo(nextFirstField);
    }

    @Test
    void stopsARecordThatRunsPastTheLimitAndKeepsMemoryBounded() throws IOException {
        String text = "a,\"" + "x\n".repeat(5_000) + "\nb,c\n";
        CsvSplitter s = new CsvSplitter(new StringReader(text), 1_000);
        CsvSplitter.Record first = s.next();
        assertThat(first.broken()).isEqualTo(CsvSplitter.Broken.TOO_LONG);
        assertThat(first.unclosedQuote()).isTrue();
        assertThat(first.raw()).isEqualTo("a,\"x");
        assertThat(s.next().raw()).isEqualTo("x");
    }

    @Test
    void readsAcrossBufferBoundariesWithOneCharPerRead() throws IOException {
        String text = "h1,h2\r\n\"a\"\"b\",\"c\r\nd\"\r\ne,f";
        Reader trickle = new Reader() {
            private int i;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (i >= text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(i++);
                return 1;
            }

            @Override
            public void close() {}
        };
        CsvSplitter s = new CsvSplitter(trickle, 1000);
        List<List<String>> records = new ArrayList<>();
        CsvSplitter.Record r;
        while ((r = s.next()) != null) {
            records.add(r.fields());
        }
        assertThat(records).isEqualTo(commonsCsv(text));
    }

    private static List<List<String>> split(String text, int max) throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader(text), max);
        List<List<String>> out = new ArrayList<>();
        CsvSplitter.Record r;
        while ((r = s.next()) != null) {
            out.add(r.broken() == null ? r.fields() : List.of("BROKEN " + r.broken()));
        }
        return out;
    }

    private static List<List<String>> commonsCsv(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(RFC4180)
                .get()) {
            for (CSVRecord record : parser) {
                out.add(record.toList());
            }
        }
        return out;
    }

    private static String wellFormed(Random random) {
        StringBuilder sb = new StringBuilder();
        int records = random.nextInt(6);
        for (int r = 0; r < records; r++) {
            int fields = 1 + random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    sb.append(',');
                }
                String value = randomText(random, "ab ,\"\n\r", 6);
                boolean mustQuote = value.matches("(?s).*[,\"\n\r].*") || value.isEmpty() && fields == 1;
                if (mustQuote || random.nextInt(4) == 0) {
                    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(value);
                }
            }
            sb.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return sb.toString();
    }

    private static String noise(Random random) {
        return randomText(random, "ab, \"\n\n,\"", 30).replace("\n\n\n", "\r\n");
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
