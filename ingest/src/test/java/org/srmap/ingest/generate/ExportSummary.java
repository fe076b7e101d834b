package org.srmap.ingest.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.district.CommunityBoards;
import org.srmap.geocoder.district.Districts;

/**
 * What a test reads back from a generated export, parsed independently of the generator with
 * commons-csv and the geocoder: counts per complaint type and month, rows without coordinates, rows an
 * ingest would reject, district agreement, heat complaints per building, closing anomalies, keys.
 */
final class ExportSummary {

    private static final DateTimeFormatter EXPORT_TIME =
            DateTimeFormatter.ofPattern("MM/dd/uuuu hh:mm:ss a", Locale.US).withResolverStyle(ResolverStyle.STRICT);

    List<String> header = List.of();
    long records;
    long defective;
    long valid;
    long withoutCoordinates;
    long withCoordinates;
    long outsideDistricts;
    long boardAgrees;
    double worstStatePlaneFeet;
    long locationMismatches;
    long closed;
    long zeroDuration;
    long closedBeforeCreated;
    long open;
    long openWithClosedDate;
    double meanCreatedDayOfOpen;
    double meanCreatedDayOfClosed;
    long keysOutOfOrder;
    long firstKey = -1;
    final Map<String, Long> byType = new TreeMap<>();
    final long[] rowsByMonth = new long[13];
    final long[] heatByMonth = new long[13];
    final Map<String, Long> heatByBuilding = new TreeMap<>();
    final Map<String, Long> statuses = new TreeMap<>();

    static ExportSummary read(Path file, Districts districts) throws IOException {
        ExportSummary s = new ExportSummary();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            boolean first = true;
            long lastKey = Long.MIN_VALUE;
            double openDays = 0;
            double closedDays = 0;
            for (CSVRecord r : parser) {
                if (first) {
                    s.header = r.toList();
                    first = false;
                    continue;
                }
                s.records++;
                if (r.size() > 0 && r.get(0).matches("\\d+")) {
                    long key = Long.parseLong(r.get(0));
                    s.firstKey = s.firstKey < 0 ? key : s.firstKey;
                    s.keysOutOfOrder += key <= lastKey ? 1 : 0;
                    lastKey = key;
                }
                if (r.size() != ExportColumns.COUNT || !r.get(0).matches("\\d+")) {
                    s.defective++;
                    continue;
                }
                LocalDateTime created = time(r.get(1));
                boolean badClosed = !r.get(2).isEmpty() && time(r.get(2)) == null;
                boolean badUpdated = !r.get(22).isEmpty() && time(r.get(22)) == null;
                if (created == null || badClosed || badUpdated) {
                    s.defective++;
                    continue;
                }
                s.valid++;
                String type = r.get(5).toUpperCase(Locale.ROOT);
                s.byType.merge(type, 1L, Long::sum);
                s.statuses.merge(r.get(19), 1L, Long::sum);
                int month = created.getMonthValue();
                s.rowsByMonth[month]++;
                boolean heat = type.equals(ComplaintCatalog.HEAT);
                if (heat) {
                    s.heatByMonth[month]++;
                }
                if (r.get(38).isEmpty()) {
                    s.withoutCoordinates++;
                } else {
                    s.point(r, districts, heat);
                }
                double day = created.toLocalDate().toEpochDay();
                if (r.get(19).equals("Closed")) {
                    s.closed++;
                    closedDays += day;
                    LocalDateTime closedAt = time(r.get(2));
                    if (closedAt != null && closedAt.isEqual(created)) {
                        s.zeroDuration++;
                    } else if (closedAt != null && closedAt.isBefore(created)) {
                        s.closedBeforeCreated++;
                    }
                } else {
                    s.open++;
                    openDays += day;
                    s.openWithClosedDate += r.get(2).isEmpty() ? 0 : 1;
                }
            }
            s.meanCreatedDayOfOpen = openDays / Math.max(1, s.open);
            s.meanCreatedDayOfClosed = closedDays / Math.max(1, s.closed);
        }
        return s;
    }

    /** Shares of the busiest buildings' complaints: the top {@code fraction} of buildings' share of all. */
    double topBuildingShare(double fraction) {
        List<Long> counts = new ArrayList<>(heatByBuilding.values());
        counts.sort((a, b) -> Long.compare(b, a));
        int top = Math.max(1, (int) Math.round(counts.size() * fraction));
        long total = counts.stream().mapToLong(Long::longValue).sum();
        return (double) counts.subList(0, top).stream()
                        .mapToLong(Long::longValue)
                        .sum()
                / total;
    }

    double typeShare(String type) {
        return (double) byType.getOrDefault(type, 0L) / valid;
    }

    double heatShareIn(int month) {
        return (double) heatByMonth[month] / rowsByMonth[month];
    }

    private void point(CSVRecord r, Districts districts, boolean heat) {
        withCoordinates++;
        double lat = Double.parseDouble(r.get(38));
        double lon = Double.parseDouble(r.get(39));
        OptionalInt cd = districts.boroCd(lon, lat);
        if (cd.isEmpty()) {
            outsideDistricts++;
        } else if (CommunityBoards.parse(r.get(23)).boroCd() == cd.getAsInt()) {
            boardAgrees++;
        }
        double[] xy = Projections.wgs84ToStatePlane(lon, lat);
        double off = Math.max(
                Math.abs(xy[0] - Double.parseDouble(r.get(26))), Math.abs(xy[1] - Double.parseDouble(r.get(27))));
        worstStatePlaneFeet = Math.max(worstStatePlaneFeet, off);
        locationMismatches += r.get(40).equals("(" + r.get(38) + ", " + r.get(39) + ")") ? 0 : 1;
        if (heat) {
            heatByBuilding.merge(r.get(40), 1L, Long::sum);
        }
    }

    private static LocalDateTime time(String text) {
        try {
            return LocalDateTime.parse(text, EXPORT_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
