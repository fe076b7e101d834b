package org.srmap.ingest.generate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of the 2020-2024 NYC 311 data profile ({@code profile_2020-2024_16M_rows.txt}) that the
 * generator is calibrated on, as parsed by {@link ProfileParser}. Complaint types, statuses and agencies
 * are spelled as the profile spells them, in upper case. All maps are sorted by key.
 *
 * @param totalRows service requests profiled
 * @param years calendar years profiled
 * @param topTypes the top complaint types with their exact counts and responsible agency
 * @param typeDurations every complaint type with at least 100 positive closed durations
 * @param statuses requests per status
 * @param createdByHour requests per hour of creation, hours 0..23
 * @param agencies per-agency tables
 * @param durations how often closing times are zero, negative or followed by a later update
 */
record ProfileReport(
        long totalRows,
        int years,
        List<ListedType> topTypes,
        List<TypeDuration> typeDurations,
        Map<String, Long> statuses,
        List<Long> createdByHour,
        AgencyTables agencies,
        DurationAnomalies durations) {

    /** Checks sizes and copies the collections. */
    ProfileReport {
        if (totalRows < 1 || years < 1) {
            throw new IllegalArgumentException("totalRows and years must be >= 1, were " + totalRows + ", " + years);
        }
        topTypes = List.copyOf(topTypes);
        typeDurations = List.copyOf(typeDurations);
        statuses = Map.copyOf(statuses);
        createdByHour = List.copyOf(createdByHour);
        Objects.requireNonNull(agencies, "agencies must not be null");
        Objects.requireNonNull(durations, "durations must not be null");
        if (createdByHour.size() != 24) {
            throw new IllegalArgumentException("createdByHour must have 24 hours, had " + createdByHour.size());
        }
    }

    /**
     * A complaint type of the profile's top list.
     *
     * @param name upper-case name, e.g. {@code HEAT/HOT WATER}
     * @param count requests of this type
     * @param agency the responsible agency, or {@code MULTIPLE}
     */
    record ListedType(String name, long count, String agency) {

        /** Rejects blank names and negative counts. */
        ListedType {
            if (name.isBlank() || agency.isBlank() || count < 0) {
                throw new IllegalArgumentException("bad listed type " + name + " " + count + " " + agency);
            }
        }
    }

    /**
     * Response times of a complaint type: closed requests with a positive duration, in days.
     *
     * @param name upper-case name
     * @param closed how many such requests
     * @param medianDays their median duration
     * @param meanDays their mean duration
     */
    record TypeDuration(String name, long closed, double medianDays, double meanDays) {

        /** Rejects blank names and negative values. */
        TypeDuration {
            if (name.isBlank() || closed < 0 || !(medianDays >= 0) || !(meanDays >= 0)) {
                throw new IllegalArgumentException(
                        "bad type duration " + name + " " + closed + " " + medianDays + " " + meanDays);
            }
        }
    }

    /**
     * Per-agency counts.
     *
     * @param names the agencies, in the profile's order
     * @param filled per field (snake_case, e.g. {@code latitude}), per agency: rows where it is filled
     * @param createdAtMidnight rows created at exactly 00:00:00
     * @param createdAtNoon rows created at exactly 12:00:00
     * @param closedAtMidnight rows closed at exactly 00:00:00
     * @param closedAtNoon rows closed at exactly 12:00:00
     * @param updatedAtMidnight rows whose resolution was last updated at exactly 00:00:00
     * @param zeroDurations rows closed at the instant they were created
     * @param negativeDurations rows closed before they were created (not counting 1900 dates)
     * @param negativeMedianDays the median of those negative durations, as a positive number of days
     */
    record AgencyTables(
            List<String> names,
            Map<String, Map<String, Long>> filled,
            Map<String, Long> createdAtMidnight,
            Map<String, Long> createdAtNoon,
            Map<String, Long> closedAtMidnight,
            Map<String, Long> closedAtNoon,
            Map<String, Long> updatedAtMidnight,
            Map<String, Long> zeroDurations,
            Map<String, Long> negativeDurations,
            Map<String, Double> negativeMedianDays) {

        /** Copies the collections and requires the fields the generator reads. */
        AgencyTables {
            names = List.copyOf(names);
            filled = Map.copyOf(filled);
            for (String field : List.of(
                    "unique_key", "closed_date", "latitude", "incident_address", "resolution_action_updated_date")) {
                if (!filled.containsKey(field)) {
                    throw new IllegalArgumentException("field usage table lacks the field " + field);
                }
            }
            createdAtMidnight = Map.copyOf(createdAtMidnight);
            createdAtNoon = Map.copyOf(createdAtNoon);
            closedAtMidnight = Map.copyOf(closedAtMidnight);
            closedAtNoon = Map.copyOf(closedAtNoon);
            updatedAtMidnight = Map.copyOf(updatedAtMidnight);
            zeroDurations = Map.copyOf(zeroDurations);
            negativeDurations = Map.copyOf(negativeDurations);
            negativeMedianDays = Map.copyOf(negativeMedianDays);
        }

        /** Rows of an agency where a field is filled; 0 for unknown fields or agencies. */
        long filled(String field, String agency) {
            return filled.getOrDefault(field, Map.of()).getOrDefault(agency, 0L);
        }
    }

    /**
     * Closing-time anomalies over all closed requests.
     *
     * @param closedRows requests with a closed date
     * @param zero closed at the instant of creation
     * @param negative closed before creation
     * @param negativeExtreme closed more than five years before creation (the 1899/1900 dates)
     * @param postClosedUpdateShare share of requests whose resolution was updated after closing
     */
    record DurationAnomalies(
            long closedRows, long zero, long negative, long negativeExtreme, double postClosedUpdateShare) {

        /** Rejects inconsistent counts. */
        DurationAnomalies {
            if (closedRows < 1 || zero < 0 || negative < 0 || negativeExtreme < 0 || negativeExtreme > negative) {
                throw new IllegalArgumentException(
                        "bad duration anomalies " + closedRows + " " + zero + " " + negative + " " + negativeExtreme);
            }
            if (!(postClosedUpdateShare >= 0 && postClosedUpdateShare <= 1)) {
                throw new IllegalArgumentException("postClosedUpdateShare must be 0..1, was " + postClosedUpdateShare);
            }
        }
    }
}
