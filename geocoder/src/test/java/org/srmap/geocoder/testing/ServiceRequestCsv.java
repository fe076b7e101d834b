package org.srmap.geocoder.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the columns the geocoder cares about from the real 311 CSV samples, by header name, whether the
 * file uses the Open Data export's Title Case headers or the API's snake_case ones.
 */
public final class ServiceRequestCsv {

    /** The columns read, with their names in both header styles. */
    public enum Column {
        UNIQUE_KEY("Unique Key", "unique_key"),
        INCIDENT_ADDRESS("Incident Address", "incident_address"),
        INCIDENT_ZIP("Incident Zip", "incident_zip"),
        BOROUGH("Borough", "borough"),
        COMMUNITY_BOARD("Community Board", "community_board"),
        X_STATE_PLANE("X Coordinate (State Plane)", "x_coordinate_state_plane"),
        Y_STATE_PLANE("Y Coordinate (State Plane)", "y_coordinate_state_plane"),
        LATITUDE("Latitude", "latitude"),
        LONGITUDE("Longitude", "longitude");

        private final String titleCase;
        private final String snakeCase;

        Column(String titleCase, String snakeCase) {
            this.titleCase = titleCase;
            this.snakeCase = snakeCase;
        }
    }

    /** One row: the file it came from and its values, "" where the column is absent or empty. */
    public record Row(String file, Map<Column, String> values) {

        /** The value of a column, stripped; never null. */
        public String get(Column column) {
            return values.getOrDefault(column, "");
        }

        /** The value of a column as a number, or empty if it is blank or not a number. */
        public OptionalDouble number(Column column) {
            String text = get(column);
            if (text.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                double value = Double.parseDouble(text);
                return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
    }

    private ServiceRequestCsv() {}

    /** Every CSV file of {@code shared/data/311}, sorted by name; fails or skips if the folder is absent. */
    public static List<Path> files() throws IOException {
        Path folder = SharedData.require("311");
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    /** Reads one 311 CSV sample (a UTF-8 byte order mark is allowed). */
    public static List<Row> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text);
                CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord record : parser) {
                Map<Column, String> values = new EnumMap<>(Column.class);
                for (Column column : Column.values()) {
                    String name = header.containsKey(column.titleCase) ? column.titleCase : column.snakeCase;
                    if (header.containsKey(name) && record.isSet(name)) {
                        values.put(column, record.get(name).strip());
                    }
                }
                rows.add(new Row(file.getFileName().toString(), values));
            }
        }
        return rows;
    }

    /** Reads every CSV sample. */
    public static List<Row> readAll() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : files()) {
            rows.addAll(read(file));
        }
        return rows;
    }
}
