package org.srmap.ingest.read;

/** The layout of a 311 export file, recognised from its content rather than its name. */
public enum Format {
    /** Comma-separated values with a header line: the Open Data export, a pandas re-export or the SODA CSV. */
    CSV,
    /** The Socrata SODA API JSON: one top-level array of objects keyed by snake_case column names. */
    SODA_JSON
}
