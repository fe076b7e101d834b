package org.srmap.ingest.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.srmap.ingest.read.Field;
import org.srmap.ingest.read.MalformedRow;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.SourceRow;

/**
 * Turns records read from any export into {@link ServiceRequest}s, or into {@link Rejected} records with a reason.
 * Stateless and thread-safe; one instance can serve every reader.
 *
 * <p>A record is rejected only when it has no usable Unique Key, Created Date or Complaint Type, or when the reader
 * could not split it. Every other defect is repaired or the value dropped, and counted as a {@link Warning}:
 *
 * <ul>
 *   <li>Text is trimmed; empty values and the markers {@code N/A}, {@code NA} and {@code Unspecified} (any case)
 *       become null, except the Community Board, which is kept as written (trimmed) because its parser understands
 *       {@code Unspecified BROOKLYN} and {@code 0 Unspecified}. Runs of spaces are collapsed in the agency, complaint
 *       type, descriptor and status, but not in addresses or the resolution text.
 *   <li>Statuses are mapped to their canonical Title Case spelling; a missing status is {@code Unspecified}; an
 *       unknown one is kept in Title Case with {@link Warning#UNKNOWN_STATUS}.
 *   <li>Timestamps are New York local time (see {@link NycTimestamps} for the forms and the DST rules). An optional
 *       date that cannot be read, or that lies before 2003 (such as the {@code 1900-01-01} placeholder close dates),
 *       becomes null. A close before the creation, or at the same instant, is kept and counted.
 *   <li>Coordinates are kept in pairs (latitude with longitude, X with Y) and only when both are readable, non-zero
 *       and in the New York City area. When the latitude or longitude is missing, the Location column is read
 *       instead: {@code (40.66, -73.99)}, a Python-dict string or a WKT point.
 *   <li>ZIP: the first five digits of {@code 12345} or {@code 12345-6789}. BBL: ten digits starting with 1-5.
 * </ul>
 */
public final class RowNormalizer {
    /** Optional dates before this local time are placeholders, not real events: 311 started in March 2003. */
    private static final LocalDateTime FIRST_REAL_DATE = LocalDateTime.of(2003, 1, 1, 0, 0);

    /** Creates a normalizer; it holds no state. */
    public RowNormalizer() {}

    /** The outcome for one record; data problems give {@link Rejected} or warnings, never an exception. */
    public Normalized normalize(ReadResult row) {
        Objects.requireNonNull(row, "row");
        if (row instanceof MalformedRow malformed) {
            return new Rejected(malformed.lineNumber(), malformed.rawText(), malformed.reason(), malformed.detail());
        }
        return normalizeRow((SourceRow) row);
    }

    private static Normalized normalizeRow(SourceRow row) {
        String keyText = CleanText.verbatim(row.get(Field.UNIQUE_KEY));
        if (keyText == null) {
            return reject(row, RejectReason.MISSING_UNIQUE_KEY, "the Unique Key is empty");
        }
        long uniqueKey = Identifiers.uniqueKey(keyText);
        if (uniqueKey < 0) {
            return reject(
                    row,
                    RejectReason.BAD_UNIQUE_KEY,
                    "the Unique Key '" + shorten(keyText) + "' is not a positive whole number");
        }
        EnumSet<Warning> warnings = EnumSet.noneOf(Warning.class);
        String createdText = CleanText.text(row.get(Field.CREATED_DATE));
        if (createdText == null) {
            return reject(row, RejectReason.MISSING_CREATED_DATE, "the Created Date is empty");
        }
        Instant created = NycTimestamps.parse(createdText, warnings);
        if (created == null) {
            return reject(
                    row,
                    RejectReason.BAD_DATE,
                    "the Created Date '" + shorten(createdText) + "' is not a date in a known format");
        }
        String complaintType = CleanText.collapsed(row.get(Field.COMPLAINT_TYPE));
        if (complaintType == null) {
            return reject(row, RejectReason.MISSING_COMPLAINT_TYPE, "the Complaint Type is empty");
        }
        Instant closed = optionalDate(row.get(Field.CLOSED_DATE), warnings);
        if (closed != null && closed.isBefore(created)) {
            warnings.add(Warning.CLOSED_BEFORE_CREATED);
        } else if (closed != null && closed.equals(created)) {
            warnings.add(Warning.ZERO_DURATION);
        }
        Instant due = optionalDate(row.get(Field.DUE_DATE), warnings);
        Instant updated = optionalDate(row.get(Field.RESOLUTION_ACTION_UPDATED_DATE), warnings);

        Coordinates.Pair latLon = latitudeLongitude(row, warnings);
        Coordinates.Pair xy = Coordinates.pair(
                row.get(Field.X_COORDINATE),
                row.get(Field.Y_COORDINATE),
                Coordinates.X_STATE_PLANE,
                Coordinates.Y_STATE_PLANE,
                warnings);

        ServiceRequest request = new ServiceRequest(
                uniqueKey,
                created,
                closed,
                due,
                updated,
                CleanText.collapsed(row.get(Field.AGENCY)),
                CleanText.text(row.get(Field.AGENCY_NAME)),
                complaintType,
                CleanText.collapsed(row.get(Field.DESCRIPTOR)),
                status(row.get(Field.STATUS), warnings),
                CleanText.text(row.get(Field.LOCATION_TYPE)),
                CleanText.text(row.get(Field.INCIDENT_ADDRESS)),
                CleanText.text(row.get(Field.STREET_NAME)),
                CleanText.text(row.get(Field.CROSS_STREET_1)),
                CleanText.text(row.get(Field.CROSS_STREET_2)),
                CleanText.text(row.get(Field.INTERSECTION_STREET_1)),
                CleanText.text(row.get(Field.INTERSECTION_STREET_2)),
                CleanText.text(row.get(Field.ADDRESS_TYPE)),
                CleanText.text(row.get(Field.CITY)),
                CleanText.text(row.get(Field.LANDMARK)),
                CleanText.text(row.get(Field.FACILITY_TYPE)),
                zip(row.get(Field.INCIDENT_ZIP), warnings),
                bbl(row.get(Field.BBL), warnings),
                CleanText.text(row.get(Field.OPEN_DATA_CHANNEL_TYPE)),
                CleanText.text(row.get(Field.RESOLUTION_DESCRIPTION)),
                CleanText.text(row.get(Field.BOROUGH)),
                CleanText.verbatim(row.get(Field.COMMUNITY_BOARD)),
                CleanText.text(row.get(Field.PARK_FACILITY_NAME)),
                latLon == null ? null : latLon.first(),
                latLon == null ? null : latLon.second(),
                xy == null ? null : xy.first(),
                xy == null ? null : xy.second());
        return new Accepted(row.lineNumber(), request, warnings);
    }

    private static Rejected reject(SourceRow row, RejectReason reason, String detail) {
        return new Rejected(row.lineNumber(), row.rawText(), reason, detail);
    }

    /** A Closed, Due or Updated date; null when missing, unreadable or a pre-2003 placeholder (with a warning). */
    private static Instant optionalDate(String raw, Set<Warning> warnings) {
        String text = CleanText.text(raw);
        if (text == null) {
            return null;
        }
        LocalDateTime local = NycTimestamps.parseLocal(text);
        if (local == null) {
            warnings.add(Warning.BAD_OPTIONAL_DATE);
            return null;
        }
        if (local.isBefore(FIRST_REAL_DATE)) {
            warnings.add(Warning.PLACEHOLDER_DATE);
            return null;
        }
        return NycTimestamps.toInstant(local, warnings);
    }

    private static String status(String raw, Set<Warning> warnings) {
        String text = CleanText.collapsed(raw);
        if (text == null) {
            return "Unspecified";
        }
        String canonical = StatusNames.canonical(text);
        if (canonical != null) {
            return canonical;
        }
        warnings.add(Warning.UNKNOWN_STATUS);
        return StatusNames.titleCase(text);
    }

    /** Latitude and longitude from their columns, or from the Location column when either is missing. */
    private static Coordinates.Pair latitudeLongitude(SourceRow row, Set<Warning> warnings) {
        String latitude = row.get(Field.LATITUDE);
        String longitude = row.get(Field.LONGITUDE);
        if (CleanText.text(latitude) == null || CleanText.text(longitude) == null) {
            Coordinates.LatLonText fromLocation = Coordinates.parseLocation(row.get(Field.LOCATION));
            if (fromLocation != null) {
                latitude = fromLocation.latitude();
                longitude = fromLocation.longitude();
            }
        }
        return Coordinates.pair(latitude, longitude, Coordinates.LATITUDE, Coordinates.LONGITUDE, warnings);
    }

    private static String zip(String raw, Set<Warning> warnings) {
        String text = CleanText.text(raw);
        if (text == null) {
            return null;
        }
        String zip = Identifiers.zip(text);
        if (zip == null) {
            warnings.add(Warning.BAD_ZIP);
        }
        return zip;
    }

    private static String bbl(String raw, Set<Warning> warnings) {
        String text = CleanText.text(raw);
        if (text == null) {
            return null;
        }
        if (!Identifiers.isBbl(text)) {
            warnings.add(Warning.BAD_BBL);
            return null;
        }
        return text;
    }

    private static String shorten(String text) {
        return text.length() <= 40
                ? text
                : String.format(Locale.ROOT, "%s... (%d chars)", text.substring(0, 40), text.length());
    }
}
