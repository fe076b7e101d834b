package org.srmap.ingest.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Writes test CSV files derived from a real export: the same header, edited rows. */
final class CsvFiles {
    private CsvFiles() {}

    /** The header (without a byte-order mark) and rows of a real export as lists of strings. */
    static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.parse(r)) {
            for (CSVRecord rec : csv) {
                rows.add(new ArrayList<>(rec.toList()));
            }
        }
        List<String> header = rows.get(0);
        header.set(0, header.get(0).replace("\uFEFF", ""));
        return rows;
    }

    static void write(Path out, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        }
    }

    /** {@code copies} copies of the rows, the unique key of copy i offset by i * 1e9 (i from 0). */
    static void replicate(Path out, List<List<String>> headerAndRows, int copies, UnaryOperator<List<String>> edit)
            throws IOException {
        List<String> header = headerAndRows.get(0);
        int key = header.indexOf("Unique Key");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (int i = 0; i < copies; i++) {
                for (List<String> row : headerAndRows.subList(1, headerAndRows.size())) {
                    List<String> copy = new ArrayList<>(row);
                    copy.set(key, Long.toString(Long.parseLong(row.get(key)) + i * 1_000_000_000L));
                    p.printRecord(edit.apply(copy));
                }
            }
        }
    }
}
