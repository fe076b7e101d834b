package org.srmap.siting.points;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads planners' CSV files: a header with {@code id,lat,lon} and, optionally, {@code weight} (demand)
 * and {@code capacity} (sites), in any order and case; other columns are ignored. A file with any
 * bad row is refused as a whole, every problem named by line: a siting answer over part of the
 * demand would look right and be wrong.
 */
public final class PointsCsv {
    /** What a file holds, which decides its optional column. */
    public enum Kind {
        DEMAND("weight"),
        SITES("capacity");

        private final String optional;

        Kind(String optional) {
            this.optional = optional;
        }
    }

    private PointsCsv() {}

    /**
     * The points of a file.
     *
     * @param name the file's name, for messages
     * @throws PointsFileException naming every problem when any row is bad or the file has none
     */
    public static List<Point> read(Reader reader, String name, Kind kind) {
        List<String> problems = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader)) {
            Map<String, Integer> columns = columns(parser.getHeaderMap(), kind, problems);
            if (!problems.isEmpty()) {
                throw new PointsFileException(name, problems);
            }
            Set<String> ids = new HashSet<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    Point p = point(row, columns, kind);
                    if (!ids.add(p.id())) {
                        problems.add("line " + line + ": id '" + p.id() + "' appears twice");
                    }
                    points.add(p);
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new PointsFileException(name, List.of("not a readable CSV file: " + e.getMessage()));
        }
        if (points.isEmpty() && problems.isEmpty()) {
            problems.add("no rows after the header");
        }
        if (!problems.isEmpty()) {
            throw new PointsFileException(name, problems);
        }
        return points;
    }

    private static Map<String, Integer> columns(Map<String, Integer> header, Kind kind, List<String> problems) {
        Map<String, Integer> found = new java.util.HashMap<>();
        if (header != null) {
            header.forEach((column, index) -> {
                String key = column.trim().toLowerCase(Locale.ROOT);
                if (found.putIfAbsent(key, index) != null) {
                    problems.add("header: column '" + key + "' appears twice");
                }
            });
        }
        for (String needed : List.of("id", "lat", "lon")) {
            if (!found.containsKey(needed)) {
                problems.add("header: no column '" + needed + "' (the header must name id, lat, lon and may name "
                        + kind.optional + "; it has " + (header == null ? "none" : header.keySet()) + ")");
            }
        }
        return found;
    }

    private static Point point(CSVRecord row, Map<String, Integer> columns, Kind kind) {
        String id = cell(row, columns.get("id"));
        double lat = number(row, columns, "lat", Double.NaN);
        double lon = number(row, columns, "lon", Double.NaN);
        double weight = kind == Kind.DEMAND ? number(row, columns, "weight", 1) : 1;
        double capacity = kind == Kind.SITES
                ? number(row, columns, "capacity", Double.POSITIVE_INFINITY)
                : Double.POSITIVE_INFINITY;
        return new Point(id, lat, lon, weight, capacity);
    }

    private static double number(CSVRecord row, Map<String, Integer> columns, String column, double absent) {
        Integer index = columns.get(column);
        String text = index == null ? "" : cell(row, index);
        if (text.isEmpty()) {
            if (Double.isNaN(absent)) {
                throw new IllegalArgumentException(column + " is empty");
            }
            return absent;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a number, was '" + text + "'", e);
        }
    }

    private static String cell(CSVRecord row, int index) {
        if (index >= row.size()) {
            throw new IllegalArgumentException("has " + row.size() + " cells, fewer than the header's columns");
        }
        return row.get(index).trim();
    }
}
