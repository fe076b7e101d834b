package org.srmap.ingest.generate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address fields of one real, geocoded request, lent to generated places near it: ZIP, street
 * address, cross and intersection streets, address type, city, landmark and BBL.
 */
record AddressDetails(
        CsvField zip,
        CsvField incidentAddress,
        CsvField streetName,
        CsvField crossStreet1,
        CsvField crossStreet2,
        CsvField intersectionStreet1,
        CsvField intersectionStreet2,
        CsvField addressType,
        CsvField city,
        CsvField landmark,
        CsvField bbl) {

    private static final Pattern ZIP = Pattern.compile("\\d{5}");
    private static final Pattern BBL = Pattern.compile("[1-5]\\d{9}");

    /** The details of a request without any address. */
    static final AddressDetails NONE = new AddressDetails(
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY,
            CsvField.EMPTY);

    /** Rejects nulls; use {@link CsvField#EMPTY} for empty fields. */
    AddressDetails {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(incidentAddress, "incidentAddress");
        Objects.requireNonNull(streetName, "streetName");
        Objects.requireNonNull(crossStreet1, "crossStreet1");
        Objects.requireNonNull(crossStreet2, "crossStreet2");
        Objects.requireNonNull(intersectionStreet1, "intersectionStreet1");
        Objects.requireNonNull(intersectionStreet2, "intersectionStreet2");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(landmark, "landmark");
        Objects.requireNonNull(bbl, "bbl");
    }

    /**
     * The address of a sample row. A ZIP that is not five digits and a BBL that is not ten digits
     * starting with the borough's digit are left empty (spreadsheet re-saves mangle both).
     */
    static AddressDetails of(SampleRow row, int boroCode) {
        String zip = row.get("incident_zip").strip();
        String bbl = row.get("bbl").strip();
        boolean bblFits = BBL.matcher(bbl).matches() && bbl.charAt(0) - '0' == boroCode;
        return new AddressDetails(
                CsvField.of(ZIP.matcher(zip).matches() ? zip : ""),
                CsvField.of(row.get("incident_address")),
                CsvField.of(row.get("street_name")),
                CsvField.of(row.get("cross_street_1")),
                CsvField.of(row.get("cross_street_2")),
                CsvField.of(row.get("intersection_street_1")),
                CsvField.of(row.get("intersection_street_2")),
                CsvField.of(row.get("address_type")),
                CsvField.of(row.get("city")),
                CsvField.of(row.get("landmark")),
                CsvField.of(bblFits ? bbl : ""));
    }

    /** Whether there is a street address, as a building's complaints need. */
    boolean hasStreetAddress() {
        return !incidentAddress.isEmpty();
    }

    /** The longest field, in bytes. */
    int maxByteLength() {
        int max = 0;
        for (CsvField f : new CsvField[] {
            zip,
            incidentAddress,
            streetName,
            crossStreet1,
            crossStreet2,
            intersectionStreet1,
            intersectionStreet2,
            addressType,
            city,
            landmark,
            bbl
        }) {
            max = Math.max(max, f.byteLength());
        }
        return max;
    }
}
