package org.srmap.ingest.normalize;

/**
 * A defect found in a row that is loaded anyway, counted by {@link #code()} (stable, lower_snake). The affected value
 * is set to null unless the description says otherwise.
 */
public enum Warning {
    /** A latitude, longitude or State Plane coordinate is not a number; the pair is dropped. */
    BAD_COORDINATE("bad_coordinate"),
    /** A coordinate is 0 (the exporters' way of writing "no location"); the pair is dropped. */
    ZERO_COORDINATE("zero_coordinate"),
    /** A coordinate lies outside the New York City area; the pair is dropped. */
    COORDINATE_OUT_OF_RANGE("coordinate_out_of_range"),
    /** Only one of latitude/longitude (or of X/Y) is given; the other is dropped. */
    INCOMPLETE_COORDINATE("incomplete_coordinate"),
    /** The Incident Zip is not a 5-digit or ZIP+4 code. */
    BAD_ZIP("bad_zip"),
    /** The BBL is not 10 digits starting with a borough code 1-5. */
    BAD_BBL("bad_bbl"),
    /** The Closed, Due or Resolution Action Updated Date cannot be read. */
    BAD_OPTIONAL_DATE("bad_optional_date"),
    /** The Closed, Due or Resolution Action Updated Date is a placeholder before 2003 (e.g. 1900-01-01). */
    PLACEHOLDER_DATE("placeholder_date"),
    /** The request closed before it was created; both dates are kept. */
    CLOSED_BEFORE_CREATED("closed_before_created"),
    /** The request closed at the very instant it was created; both dates are kept. */
    ZERO_DURATION("zero_duration"),
    /** A local time falls in the spring-forward gap; it was moved later by the length of the gap. */
    DST_GAP_SHIFTED("dst_gap_shifted"),
    /** A local time falls in the fall-back overlap; the earlier instant (daylight time) was taken. */
    DST_OVERLAP("dst_overlap"),
    /** The Status is not one seen in 311 data; it is kept in Title Case. */
    UNKNOWN_STATUS("unknown_status");

    private final String code;

    Warning(String code) {
        this.code = code;
    }

    /** The stable lower_snake code, e.g. {@code bad_zip}. */
    public String code() {
        return code;
    }
}
