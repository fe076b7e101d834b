package org.srmap.ingest.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The real service requests of the data folder's {@code 311/} samples: every {@code .csv} (Open Data
 * exports, Socrata API CSVs, re-saved copies) and every {@code .json} (Socrata API arrays), read in
 * file-name order. Headers are folded to snake_case ({@code Incident Zip} and {@code incident_zip} both
 * give {@code incident_zip}) and the renamed columns of newer exports are mapped back, so all files read
 * alike. Only the columns the generator uses are kept.
 */
final class SampleRequests {

    /** The columns kept from each sample row. */
    static final Set<String> COLUMNS = Set.of(
            "created_date",
            "agency",
            "agency_name",
            "complaint_type",
            "descriptor",
            "location_type",
            "incident_zip",
            "incident_address",
            "street_name",
            "cross_street_1",
            "cross_street_2",
            "intersection_street_1",
            "intersection_street_2",
            "address_type",
            "city",
            "landmark",
            "facility_type",
            "status",
            "resolution_description",
            "bbl",
            "open_data_channel_type",
            "vehicle_type",
            "taxi_company_borough",
            "taxi_pick_up_location",
            "bridge_highway_name",
            "bridge_highway_direction",
            "road_ramp",
            "bridge_highway_segment",
            "latitude",
            "longitude");

    private static final Map<String, String> RENAMED = Map.of(
            "problem_formerly_complaint_type", "complaint_type",
            "problem_detail_formerly_descriptor", "descriptor");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SampleRow> rows;

    private SampleRequests(List<SampleRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads every sample file of a folder.
     *
     * @throws IllegalArgumentException if the folder holds no sample rows
     * @throws UncheckedIOException if a file cannot be read or parsed
     */
    static SampleRequests read(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".csv") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("311 sample folder " + folder + " cannot be listed: " + e, e);
        }
        List<SampleRow> rows = new ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(file, rows);
            } else {
                readJson(file, rows);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("311 sample folder " + folder + " holds no service requests");
        }
        return new SampleRequests(rows);
    }

    List<SampleRow> rows() {
        return rows;
    }

    /** Folds a header name to snake_case: {@code X Coordinate (State Plane)} gives {@code x_coordinate_state_plane}. */
    static String column(String header) {
        String folded = header.replace("\uFEFF", "")
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return RENAMED.getOrDefault(folded, folded);
    }

    private static void readCsv(Path file, List<SampleRow> rows) {
        String source = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return;
            }
            List<String> header =
                    records.next().stream().map(SampleRequests::column).toList();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (COLUMNS.contains(header.get(i)) && !record.get(i).isEmpty()) {
                        values.put(header.get(i), record.get(i));
                    }
                }
                rows.add(new SampleRow(source, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("311 sample " + file + " cannot be read: " + e, e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("311 sample " + file + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static void readJson(Path file, List<SampleRow> rows) {
        String source = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("311 sample " + file + " cannot be read as JSON: " + e, e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("311 sample " + file + " is not a JSON array of service requests");
        }
        for (JsonNode element : root) {
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : element.properties()) {
                String name = column(field.getKey());
                JsonNode value = field.getValue();
                if (COLUMNS.contains(name)
                        && value.isValueNode()
                        && !value.asText().isEmpty()) {
                    values.put(name, value.asText());
                }
            }
            rows.add(new SampleRow(source, values));
        }
    }
}
