package org.srmap.ingest.normalize;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated 311 service request. Only {@code uniqueKey}, {@code created}, {@code complaintType} and
 * {@code status} are always present; every other component is null when the source has no usable value.
 *
 * <p>Text is trimmed, and missing-value markers ({@code N/A}, {@code NA}, {@code Unspecified}) are null, except in
 * {@code communityBoard}, which is kept as written (trimmed) for its own parser. Times are instants: the sources write
 * New York local time.
 *
 * @param uniqueKey the 311 Unique Key, positive
 * @param created when the request was created
 * @param closed when it was closed
 * @param due when it was due
 * @param updated the Resolution Action Updated Date
 * @param agency the agency acronym, e.g. {@code NYPD}
 * @param agencyName the agency's full name
 * @param complaintType the complaint type as cleaned text (aliases such as HEATING are mapped later, by the database)
 * @param descriptor the complaint descriptor
 * @param status the canonical Title Case status, {@code Unspecified} when missing
 * @param locationType the location type, e.g. {@code Street/Sidewalk}
 * @param incidentAddress the incident address
 * @param streetName the street name
 * @param crossStreet1 the first cross street
 * @param crossStreet2 the second cross street
 * @param intersectionStreet1 the first intersection street
 * @param intersectionStreet2 the second intersection street
 * @param addressType e.g. {@code ADDRESS}, {@code INTERSECTION}
 * @param city the city or neighbourhood name
 * @param landmark the landmark
 * @param facilityType the facility type
 * @param zip the 5-digit ZIP code
 * @param bbl the 10-digit borough-block-lot number
 * @param channel the Open Data Channel Type, e.g. {@code PHONE}
 * @param resolution the resolution description
 * @param borough the borough in capitals, e.g. {@code BROOKLYN}
 * @param communityBoard the community board as written, e.g. {@code 07 BROOKLYN} or {@code 0 Unspecified}
 * @param parkFacilityName the park facility name
 * @param latitude WGS84 latitude, in the New York City area
 * @param longitude WGS84 longitude, in the New York City area
 * @param xStatePlane X in NY State Plane Long Island (EPSG:2263), US feet
 * @param yStatePlane Y in NY State Plane Long Island (EPSG:2263), US feet
 */
public record ServiceRequest(
        long uniqueKey,
        Instant created,
        Instant closed,
        Instant due,
        Instant updated,
        String agency,
        String agencyName,
        String complaintType,
        String descriptor,
        String status,
        String locationType,
        String incidentAddress,
        String streetName,
        String crossStreet1,
        String crossStreet2,
        String intersectionStreet1,
        String intersectionStreet2,
        String addressType,
        String city,
        String landmark,
        String facilityType,
        String zip,
        String bbl,
        String channel,
        String resolution,
        String borough,
        String communityBoard,
        String parkFacilityName,
        Double latitude,
        Double longitude,
        Double xStatePlane,
        Double yStatePlane) {
    /** Validates the components that are always present. */
    public ServiceRequest {
        if (uniqueKey < 1) {
            throw new IllegalArgumentException("uniqueKey must be >= 1, was " + uniqueKey);
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(complaintType, "complaintType");
        Objects.requireNonNull(status, "status");
        if (complaintType.isBlank()) {
            throw new IllegalArgumentException("complaintType must not be blank");
        }
        if (status.isBlank()) {
            throw new IllegalArgumentException("status must not be blank");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException(
                    "latitude and longitude must both be set or both be null, were " + latitude + ", " + longitude);
        }
        if ((xStatePlane == null) != (yStatePlane == null)) {
            throw new IllegalArgumentException("xStatePlane and yStatePlane must both be set or both be null, were "
                    + xStatePlane + ", " + yStatePlane);
        }
    }
}
