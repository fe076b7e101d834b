package org.srmap.ingest.generate;

import java.util.Objects;

/**
 * Everything drawn for one row, handed to the {@link RowWriter}.
 *
 * @param key the Unique Key
 * @param created creation, in local seconds
 * @param closed closing in local seconds, or {@link ClosureModel#OPEN}
 * @param updated resolution update in local seconds, or {@link ClosureModel#NONE}
 * @param type the complaint type
 * @param agency the agency handling it
 * @param details descriptor, location type, resolution text and the like
 * @param status the Status
 * @param channel the Open Data Channel Type
 * @param sites the places {@code site} indexes into
 * @param site the place of the request
 * @param coordinates whether Latitude, Longitude, X/Y and Location are written
 * @param address whether the street address fields are written
 * @param defect how the row is made invalid, or {@link DefectKind#NONE}
 * @param variant a non-negative number choosing the defect's details
 */
record GeneratedRequest(
        long key,
        long created,
        long closed,
        long updated,
        ComplaintType type,
        AgencyModel agency,
        RequestDetails details,
        CsvField status,
        CsvField channel,
        Sites sites,
        int site,
        boolean coordinates,
        boolean address,
        DefectKind defect,
        int variant) {

    /** Rejects nulls and out-of-range indexes. */
    GeneratedRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(defect, "defect");
        if (site < 0 || site >= sites.size() || variant < 0) {
            throw new IllegalArgumentException("bad site " + site + " or variant " + variant);
        }
    }

    boolean open() {
        return closed == ClosureModel.OPEN;
    }
}
