package org.srmap.ingest.normalize;

/** Why a record was not loaded. The {@link #code()} is stable: it is stored in the rejects table and in reports. */
public enum RejectReason {
    /** The Unique Key is empty or absent. */
    MISSING_UNIQUE_KEY("missing_unique_key", "no unique key"),
    /** The Unique Key is not a positive whole number. */
    BAD_UNIQUE_KEY("bad_unique_key", "unique key is not a positive whole number"),
    /** The Created Date is empty or absent. */
    MISSING_CREATED_DATE("missing_created_date", "no created date"),
    /** The Created Date is not a date in a known format. */
    BAD_DATE("bad_date", "created date cannot be read"),
    /** The Complaint Type is empty, absent or a missing-value marker. */
    MISSING_COMPLAINT_TYPE("missing_complaint_type", "no complaint type"),
    /** A CSV record has a different number of fields than the header. */
    WRONG_FIELD_COUNT("wrong_field_count", "wrong number of fields"),
    /** A quoted CSV field is never closed. */
    UNTERMINATED_QUOTE("unterminated_quote", "quote never closed"),
    /** Text follows a closing quote inside a CSV field. */
    BAD_QUOTING("bad_quoting", "text after a closing quote"),
    /** The file ends in the middle of this record. */
    TRUNCATED_RECORD("truncated_record", "file cut off inside the record"),
    /** A field is longer than the reader accepts. */
    FIELD_TOO_LONG("field_too_long", "field too long"),
    /** A SODA JSON element is not a well-formed object. */
    MALFORMED_JSON_RECORD("malformed_json_record", "not a well-formed JSON object");

    private final String code;
    private final String description;

    RejectReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The stable lower_snake code, e.g. {@code wrong_field_count}. */
    public String code() {
        return code;
    }

    /** A few words for people, e.g. {@code wrong number of fields}. */
    public String description() {
        return description;
    }
}
