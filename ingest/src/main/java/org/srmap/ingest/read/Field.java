package org.srmap.ingest.read;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical 311 columns the ingest reads, each with the header names it is recognised by.
 *
 * <p>Headers are matched by their {@linkplain #normalizeHeader normalised form} (lower case, everything but letters
 * and digits removed), so {@code Unique Key}, {@code unique_key} and {@code UNIQUE KEY} are the same column, as are
 * {@code X Coordinate (State Plane)} and {@code x_coordinate_state_plane}. Columns are always found by name, never
 * by position.
 */
public enum Field {
    UNIQUE_KEY("Unique Key"),
    CREATED_DATE("Created Date"),
    CLOSED_DATE("Closed Date"),
    AGENCY("Agency"),
    AGENCY_NAME("Agency Name"),
    COMPLAINT_TYPE("Complaint Type", "Problem (formerly Complaint Type)", "Problem"),
    DESCRIPTOR("Descriptor", "Problem Detail (formerly Descriptor)", "Problem Detail"),
    LOCATION_TYPE("Location Type"),
    INCIDENT_ZIP("Incident Zip", "Incident Zip Code"),
    INCIDENT_ADDRESS("Incident Address"),
    STREET_NAME("Street Name"),
    CROSS_STREET_1("Cross Street 1"),
    CROSS_STREET_2("Cross Street 2"),
    INTERSECTION_STREET_1("Intersection Street 1"),
    INTERSECTION_STREET_2("Intersection Street 2"),
    ADDRESS_TYPE("Address Type"),
    CITY("City"),
    LANDMARK("Landmark"),
    FACILITY_TYPE("Facility Type"),
    STATUS("Status"),
    DUE_DATE("Due Date"),
    RESOLUTION_DESCRIPTION("Resolution Description"),
    RESOLUTION_ACTION_UPDATED_DATE("Resolution Action Updated Date"),
    COMMUNITY_BOARD("Community Board"),
    BBL("BBL"),
    BOROUGH("Borough"),
    X_COORDINATE("X Coordinate (State Plane)", "X Coordinate"),
    Y_COORDINATE("Y Coordinate (State Plane)", "Y Coordinate"),
    OPEN_DATA_CHANNEL_TYPE("Open Data Channel Type"),
    PARK_FACILITY_NAME("Park Facility Name"),
    PARK_BOROUGH("Park Borough"),
    LATITUDE("Latitude"),
    LONGITUDE("Longitude"),
    LOCATION("Location"),
    /** Socrata's system column: when the dataset last changed the row; the API ingest's high-water mark. */
    SODA_UPDATED_AT(":updated_at");

    private static final Map<String, Field> BY_NORMALIZED_NAME = indexAliases();

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> aliases;

    Field(String displayName, String... otherAliases) {
        this.aliases = concat(displayName, otherAliases);
    }

    /** The name this column has in the Open Data CSV export, used in messages (e.g. {@code Unique Key}). */
    public String displayName() {
        return aliases.get(0);
    }

    /** The header names this column is recognised by, the Open Data name first. */
    public List<String> aliases() {
        return aliases;
    }

    /** The column a header names, if it is one of ours; unused and unknown headers give an empty result. */
    public static Optional<Field> forHeader(String header) {
        return Optional.ofNullable(BY_NORMALIZED_NAME.get(normalizeHeader(header)));
    }

    /** A header reduced to lower-case letters and digits, the form in which headers are compared. */
    public static String normalizeHeader(String header) {
        StringBuilder out = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static List<String> concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return List.of(all);
    }

    private static Map<String, Field> indexAliases() {
        Map<String, Field> index = new HashMap<>();
        for (Field field : values()) {
            for (String alias : field.aliases) {
                Field previous = index.put(normalizeHeader(alias), field);
                if (previous != null && previous != field) {
                    throw new IllegalStateException(
                            String.format(Locale.ROOT, "alias '%s' names both %s and %s", alias, previous, field));
                }
            }
        }
        return Map.copyOf(index);
    }
}
