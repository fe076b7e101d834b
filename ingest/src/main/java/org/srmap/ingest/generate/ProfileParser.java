package org.srmap.ingest.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srmap.ingest.generate.ProfileReport.AgencyTables;
import org.srmap.ingest.generate.ProfileReport.DurationAnomalies;
import org.srmap.ingest.generate.ProfileReport.ListedType;
import org.srmap.ingest.generate.ProfileReport.TypeDuration;

/**
 * Reads the tables the generator needs out of the text profile of 16M NYC 311 requests (2020-2024). The
 * profile is console output; each table is found by the heading printed above it, and its rows by a
 * pattern, so a changed file fails loudly instead of giving wrong numbers.
 */
final class ProfileParser {

    private static final String NUMBER = "(-?[\\d.]+)";
    private static final Pattern TOP_TYPE_ROW =
            Pattern.compile("^\\s*(.+?)\\s+(\\d+)\\s+[\\d.]+\\s+[\\d.]+\\s+([A-Z]+)\\s*$");
    private static final Pattern TYPE_DURATION_ROW =
            Pattern.compile("^\\s*(.+?)\\s+(\\d+)\\s+[\\d.]+\\s+([\\d.]+)\\s+([\\d.]+)\\s+[\\d.]+\\s*$");
    private static final Pattern STATUS_ROW =
            Pattern.compile("^\\s*([A-Z][A-Z ]*[A-Z])\\s+([\\d,]+)\\s+[\\d.]+\\s+[\\d.]+\\s*$");
    private static final Pattern HOUR_ROW = Pattern.compile("^\\s*(\\d\\d)\\s+(\\d+)\\s+[\\d.]+\\s+[\\d.]+\\s*$");
    private static final Pattern PARETO_ROW = Pattern.compile("^\\s*([A-Z]+)\\s+(\\d+)\\s+[\\d.]+\\s+[\\d.]+\\s*$");
    private static final Pattern FIELD_USAGE_ROW = Pattern.compile("^\\s*([a-z][a-z0-9_]*)((?:\\s+\\d+)+)\\s*$");
    private static final Pattern QA_ROW = Pattern.compile("^\\s*([a-z_]+)\\s+(-?[\\d,.]+)\\s*$");
    private static final Pattern YEAR_ROW = Pattern.compile("^\\s*(\\d{4}):\\s*([\\d,]+)\\s*$");
    private static final Pattern NEGATIVE_STATS_ROW = Pattern.compile("^\\s*\\d+:\\s+([A-Z]+)\\s+(\\d+)\\s+" + NUMBER
            + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+.*$");
    private static final Pattern TOTAL_ROWS = Pattern.compile("Rows in the 311 SR dataset:\\s*([\\d,]+)");
    private static final Pattern POST_CLOSED =
            Pattern.compile("Total post-closed updates:\\s*[\\d,]+\\s*\\(([\\d.]+)%\\)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String PARETO = "Pareto summary by agency:";

    private ProfileParser() {}

    /**
     * Parses the profile.
     *
     * @throws IllegalArgumentException if a table is missing or malformed; the message names it
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    static ProfileReport parse(Path file) {
        ProfileText text = ProfileText.read(file);
        long totalRows = ProfileText.count(text.first(TOTAL_ROWS).group(1));
        int years = text.tableAfter("Year-by-year counts:", 0, YEAR_ROW).size();
        return new ProfileReport(
                totalRows,
                years,
                topTypes(text),
                typeDurations(text),
                statuses(text),
                createdByHour(text),
                agencyTables(text),
                durationAnomalies(text));
    }

    private static List<ListedType> topTypes(ProfileText text) {
        List<ListedType> types = new ArrayList<>();
        for (Matcher m : text.tableAfter("complaint_type(s) and responsible agency:", 0, TOP_TYPE_ROW)) {
            types.add(new ListedType(m.group(1).strip(), Long.parseLong(m.group(2)), m.group(3)));
        }
        return types;
    }

    private static List<TypeDuration> typeDurations(ProfileText text) {
        List<TypeDuration> types = new ArrayList<>();
        for (Matcher m : text.tableAfter("SORT 2: By Count", 0, TYPE_DURATION_ROW)) {
            types.add(new TypeDuration(
                    m.group(1).strip(),
                    Long.parseLong(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4))));
        }
        return types;
    }

    private static Map<String, Long> statuses(ProfileText text) {
        Map<String, Long> statuses = new TreeMap<>();
        for (Matcher m : text.tableAfter("SRs by Status", 0, STATUS_ROW)) {
            statuses.put(m.group(1), ProfileText.count(m.group(2)));
        }
        if (!statuses.containsKey("CLOSED")) {
            throw text.problem("the status table has no CLOSED row");
        }
        return statuses;
    }

    private static List<Long> createdByHour(ProfileText text) {
        int section = text.find("--- Created Date Pattern Analysis ---", 0);
        Long[] hours = new Long[24];
        for (Matcher m : text.tableAfter("hour_factor vs N", section, HOUR_ROW)) {
            hours[Integer.parseInt(m.group(1))] = Long.parseLong(m.group(2));
        }
        if (Arrays.asList(hours).contains(null)) {
            throw text.problem("the created-date hour table does not cover all 24 hours");
        }
        return List.of(hours);
    }

    private static AgencyTables agencyTables(ProfileText text) {
        int usage = text.find("Field usage by agency (counts):", 0);
        List<String> header = List.of(WHITESPACE.split(text.line(usage + 1).strip()));
        if (header.size() < 3
                || !header.get(0).equals("field")
                || !header.get(header.size() - 1).equals("total")) {
            throw text.problem("the field usage table header is not 'field <agencies> total'");
        }
        List<String> agencies = header.subList(1, header.size() - 1);
        Map<String, Map<String, Long>> filled = new TreeMap<>();
        for (Matcher m : text.table(usage, FIELD_USAGE_ROW)) {
            List<Long> counts = new ArrayList<>();
            Matcher number = DIGITS.matcher(m.group(2));
            while (number.find()) {
                counts.add(Long.parseLong(number.group()));
            }
            if (counts.size() != agencies.size() + 1) {
                throw text.problem("field usage row " + m.group(1) + " has " + counts.size() + " counts");
            }
            Map<String, Long> byAgency = new TreeMap<>();
            for (int i = 0; i < agencies.size(); i++) {
                byAgency.put(agencies.get(i), counts.get(i));
            }
            filled.put(m.group(1), byAgency);
        }
        int closedPattern = text.find("--- Closed Date Pattern Analysis ---", 0);
        int closedMidnight = text.find(PARETO, closedPattern);
        int closedNoon = text.find(PARETO, closedMidnight + 1);
        int negativeCharts = text.find("Plotting NEGATIVE charts", 0);
        Map<String, Long> negatives = new TreeMap<>();
        Map<String, Double> negativeMedians = new TreeMap<>();
        for (Matcher m :
                text.tableAfter("for Negative Duration (days) by agency", negativeCharts, NEGATIVE_STATS_ROW)) {
            negatives.put(m.group(1), Long.parseLong(m.group(2)));
            negativeMedians.put(m.group(1), Math.abs(Double.parseDouble(m.group(5))));
        }
        return new AgencyTables(
                agencies,
                filled,
                pareto(text, text.find(PARETO, text.find("=== Midnight Created Dates ===", 0))),
                pareto(text, text.find(PARETO, text.find("=== Noon Created Dates ===", 0))),
                pareto(text, closedMidnight),
                pareto(text, closedNoon),
                pareto(text, text.find(PARETO, text.find("=== Midnight Resolution Action Updated Dates ===", 0))),
                pareto(text, text.find(PARETO, text.find("Plotting ZERO charts", 0))),
                negatives,
                negativeMedians);
    }

    private static Map<String, Long> pareto(ProfileText text, int heading) {
        Map<String, Long> counts = new TreeMap<>();
        for (Matcher m : text.table(heading, PARETO_ROW)) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private static DurationAnomalies durationAnomalies(ProfileText text) {
        Map<String, String> qa = new TreeMap<>();
        for (Matcher m : text.tableAfter("Duration QA summary", 0, QA_ROW)) {
            qa.put(m.group(1), m.group(2));
        }
        for (String key : List.of("denominator_closed_rows", "zero_total", "negative_total", "negative_extreme")) {
            if (!qa.containsKey(key)) {
                throw text.problem("the duration QA summary has no " + key);
            }
        }
        return new DurationAnomalies(
                ProfileText.count(qa.get("denominator_closed_rows")),
                ProfileText.count(qa.get("zero_total")),
                ProfileText.count(qa.get("negative_total")),
                ProfileText.count(qa.get("negative_extreme")),
                Double.parseDouble(text.first(POST_CLOSED).group(1)) / 100);
    }
}
