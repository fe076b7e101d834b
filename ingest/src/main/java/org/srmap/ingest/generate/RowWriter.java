package org.srmap.ingest.generate;

import java.io.IOException;

/**
 * Writes the header and the rows of the export, field by field into a {@link RowBuffer}: Title Case
 * header, fields quoted only where needed, {@code MM/dd/yyyy hh:mm:ss a} times, LF line ends, the
 * {@code Location} column as {@code "(lat, lon)"}. Defective rows are written here too, each defect
 * confined to its row. Not thread-safe.
 */
final class RowWriter {

    private static final byte COMMA = ',';
    private static final byte NEWLINE = '\n';
    private static final byte QUOTE = '"';
    private static final CsvField UNSPECIFIED = CsvField.of("Unspecified");

    private final RowBuffer out;
    private final TimestampText times;
    private final int rowReserve;
    private final int[] fieldEnds = new int[ExportColumns.COUNT];
    private int fields;

    /**
     * @param longestField the longest text field, in bytes, that any row may contain
     */
    RowWriter(RowBuffer out, TimestampText times, int longestField) {
        this.out = out;
        this.times = times;
        this.rowReserve = ExportColumns.COUNT * Math.max(longestField, TimestampText.WIDTH + 2) + 256;
    }

    void header() throws IOException {
        String header = String.join(",", ExportColumns.HEADER);
        out.reserve(header.length() + 1);
        out.putAscii(header);
        out.put(NEWLINE);
    }

    void write(GeneratedRequest r) throws IOException {
        out.reserve(rowReserve);
        fields = 0;
        DefectKind defect = r.defect();
        Sites sites = r.sites();
        int site = r.site();
        AddressDetails place = sites.address(site);
        RequestDetails details = r.details();
        boolean address = r.address();

        key(r.key(), defect, r.variant());
        end();
        if (defect == DefectKind.UNPARSEABLE_CREATED_DATE) {
            out.putAscii(defect.garbage(r.variant()));
        } else {
            times.append(out, r.created());
        }
        end();
        if (defect == DefectKind.GARBAGE_CLOSED_DATE) {
            out.putAscii(defect.garbage(r.variant()));
        } else if (!r.open()) {
            times.append(out, r.closed());
        }
        end();
        field(r.agency().codeField());
        field(r.agency().name());
        field(r.type().name());
        field(details.descriptor());
        field(details.locationType());
        field(place.zip());
        field(address ? place.incidentAddress() : CsvField.EMPTY);
        field(address ? place.streetName() : CsvField.EMPTY);
        field(address ? place.crossStreet1() : CsvField.EMPTY);
        field(address ? place.crossStreet2() : CsvField.EMPTY);
        field(address ? place.intersectionStreet1() : CsvField.EMPTY);
        field(address ? place.intersectionStreet2() : CsvField.EMPTY);
        field(address ? place.addressType() : CsvField.EMPTY);
        field(place.city());
        field(address ? place.landmark() : CsvField.EMPTY);
        field(details.facilityType());
        field(r.status());
        end(); // Due Date: never set by the agencies generated here
        field(details.resolution());
        if (defect == DefectKind.GARBAGE_UPDATED_DATE) {
            out.putAscii(defect.garbage(r.variant()));
        } else if (r.updated() != ClosureModel.NONE) {
            times.append(out, r.updated());
        }
        end();
        field(DistrictLabels.board(sites.board(site)));
        field(address ? place.bbl() : CsvField.EMPTY);
        CsvField borough = DistrictLabels.borough(sites.borough(site));
        field(borough);
        if (r.coordinates()) {
            out.putLong(sites.xFeet(site));
            end();
            out.putLong(sites.yFeet(site));
            end();
        } else {
            end();
            end();
        }
        field(r.channel());
        field(UNSPECIFIED);
        field(borough);
        field(details.vehicleType());
        field(details.taxiCompanyBorough());
        field(details.taxiPickUpLocation());
        field(details.bridgeHighwayName());
        field(details.bridgeHighwayDirection());
        field(details.roadRamp());
        field(details.bridgeHighwaySegment());
        if (r.coordinates()) {
            int latStart = out.position();
            out.putCoordinate(sites.lat(site));
            int latLength = out.position() - latStart;
            end();
            int lonStart = out.position();
            out.putCoordinate(sites.lon(site));
            int lonLength = out.position() - lonStart;
            end();
            out.put(QUOTE);
            out.put((byte) '(');
            out.repeat(latStart, latLength);
            out.put(COMMA);
            out.put((byte) ' ');
            out.repeat(lonStart, lonLength);
            out.put((byte) ')');
            out.put(QUOTE);
        } else {
            end();
            end();
        }
        fieldEnds[fields++] = out.position();
        if (fields != ExportColumns.COUNT) {
            throw new IllegalStateException("wrote " + fields + " fields instead of " + ExportColumns.COUNT);
        }
        if (defect == DefectKind.TOO_FEW_FIELDS) {
            // Keep 4..38 whole fields: the cut always falls between fields, never inside quotes.
            out.truncateTo(fieldEnds[3 + r.variant() % (ExportColumns.COUNT - 6)]);
        }
        out.put(NEWLINE);
    }

    private void key(long key, DefectKind defect, int variant) {
        if (defect == DefectKind.MISSING_UNIQUE_KEY) {
            return;
        }
        if (defect != DefectKind.NON_NUMERIC_UNIQUE_KEY) {
            out.putLong(key);
        } else if (variant % 3 == 2) {
            // A zero typed as the letter O, or an O appended where the key has no zero.
            String text = Long.toString(key);
            int zero = text.indexOf('0');
            out.putAscii(zero < 0 ? text + "O" : text.substring(0, zero) + "O" + text.substring(zero + 1));
        } else {
            out.putAscii(defect.garbage(variant % 3));
        }
    }

    private void field(CsvField value) {
        out.put(value);
        end();
    }

    /** Ends a field that is not the last: records where it ended and writes the separator. */
    private void end() {
        fieldEnds[fields++] = out.position();
        out.put(COMMA);
    }
}
