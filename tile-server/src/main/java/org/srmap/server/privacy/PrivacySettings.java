package org.srmap.server.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which requests are generalised ({@code srmap.privacy.*} in application.properties, or {@code
 * --srmap.privacy.x=y}): a request of a sensitive type is shown at the centre of its
 * resolution-10 H3 cell (about 150 m across) instead of its own point, in every tile and API, and
 * its address without the house number; it is never shown at its own point. Residential noise and
 * the tenants' complaints about their own homes name a home: the caller's or a neighbour's.
 *
 * @param enabled whether requests of the sensitive types are generalised (on by default;
 *     {@code false} shows every request at its own point)
 * @param sensitiveTypes the complaint types to generalise, as the ingest normalises them (any case,
 *     spaces collapsed); absent: {@link #DEFAULT_SENSITIVE_TYPES}
 */
@ConfigurationProperties("srmap.privacy")
public record PrivacySettings(@DefaultValue("true") boolean enabled, List<String> sensitiveTypes) {
    /**
     * Residential noise (NYPD: a complaint about a neighbour, at a home) and every type HPD takes
     * from tenants about their own apartment or building: heat and hot water, the housing-condition
     * types of {@code V2__complaint_types.sql} HPD handles, and {@code GENERAL CONSTRUCTION}, HPD's
     * type for in-apartment repairs until 2013 (the ingest's name for its {@code NONCONST}).
     * docs/reliability.md ("Privacy") says why these and not others.
     */
    public static final List<String> DEFAULT_SENSITIVE_TYPES = List.of(
            "NOISE - RESIDENTIAL",
            "HEAT/HOT WATER",
            "PLUMBING",
            "PAINT/PLASTER",
            "UNSANITARY CONDITION",
            "WATER LEAK",
            "DOOR/WINDOW",
            "ELECTRIC",
            "FLOORING/STAIRS",
            "APPLIANCE",
            "GENERAL",
            "SAFETY",
            "OUTSIDE BUILDING",
            "ELEVATOR",
            "GENERAL CONSTRUCTION");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final int MAX_TYPE_LENGTH = 200;

    public PrivacySettings {
        List<String> types = new ArrayList<>();
        for (String t : sensitiveTypes == null ? DEFAULT_SENSITIVE_TYPES : sensitiveTypes) {
            if (t == null || t.isBlank() || t.length() > MAX_TYPE_LENGTH) {
                throw new IllegalArgumentException("srmap.privacy.sensitive-types must be complaint types of 1.."
                        + MAX_TYPE_LENGTH + " characters, was " + sensitiveTypes);
            }
            String normalised = normalise(t);
            if (!types.contains(normalised)) {
                types.add(normalised);
            }
        }
        sensitiveTypes = List.copyOf(types);
    }

    /** The settings when none is given: on, with {@link #DEFAULT_SENSITIVE_TYPES}. */
    public static PrivacySettings defaults() {
        return new PrivacySettings(true, null);
    }

    /**
     * A complaint type as the ingest normalises it and as the queries compare it ({@code
     * upper(complaint_type)}): trimmed, inner spaces collapsed, upper case.
     */
    public static String normalise(String type) {
        return SPACES.matcher(type.trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** The types whose requests are generalised now: none when switched off. */
    public List<String> generalisedTypes() {
        return enabled ? sensitiveTypes : List.of();
    }

    /** Whether a request of this type is shown generalised. */
    public boolean generalises(String complaintType) {
        return complaintType != null && generalisedTypes().contains(normalise(complaintType));
    }

    /** For the start-up log. */
    public String describe() {
        return enabled
                ? "privacy on: " + sensitiveTypes.size() + " sensitive types shown at their H3 cell's centre "
                        + sensitiveTypes
                : "privacy OFF (srmap.privacy.enabled=false): every request is shown at its own point";
    }
}
