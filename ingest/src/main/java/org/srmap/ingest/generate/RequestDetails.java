package org.srmap.ingest.generate;

import java.util.Objects;

/**
 * The descriptive fields of one real request, copied together onto generated requests of the same
 * complaint type so that descriptor, location type and resolution text stay consistent with each other.
 */
record RequestDetails(
        CsvField descriptor,
        CsvField locationType,
        CsvField facilityType,
        CsvField resolution,
        CsvField vehicleType,
        CsvField taxiCompanyBorough,
        CsvField taxiPickUpLocation,
        CsvField bridgeHighwayName,
        CsvField bridgeHighwayDirection,
        CsvField roadRamp,
        CsvField bridgeHighwaySegment) {

    /** Rejects nulls; use {@link CsvField#EMPTY} for empty fields. */
    RequestDetails {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(locationType, "locationType");
        Objects.requireNonNull(facilityType, "facilityType");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(vehicleType, "vehicleType");
        Objects.requireNonNull(taxiCompanyBorough, "taxiCompanyBorough");
        Objects.requireNonNull(taxiPickUpLocation, "taxiPickUpLocation");
        Objects.requireNonNull(bridgeHighwayName, "bridgeHighwayName");
        Objects.requireNonNull(bridgeHighwayDirection, "bridgeHighwayDirection");
        Objects.requireNonNull(roadRamp, "roadRamp");
        Objects.requireNonNull(bridgeHighwaySegment, "bridgeHighwaySegment");
    }

    static RequestDetails of(SampleRow row) {
        return new RequestDetails(
                field(row, "descriptor"),
                field(row, "location_type"),
                field(row, "facility_type"),
                field(row, "resolution_description"),
                field(row, "vehicle_type"),
                field(row, "taxi_company_borough"),
                field(row, "taxi_pick_up_location"),
                field(row, "bridge_highway_name"),
                field(row, "bridge_highway_direction"),
                field(row, "road_ramp"),
                field(row, "bridge_highway_segment"));
    }

    /** The same details without a resolution text, for a request that is still open. */
    RequestDetails withoutResolution() {
        return new RequestDetails(
                descriptor,
                locationType,
                facilityType,
                CsvField.EMPTY,
                vehicleType,
                taxiCompanyBorough,
                taxiPickUpLocation,
                bridgeHighwayName,
                bridgeHighwayDirection,
                roadRamp,
                bridgeHighwaySegment);
    }

    /** The longest field, in bytes. */
    int maxByteLength() {
        int max = 0;
        for (CsvField f : new CsvField[] {
            descriptor,
            locationType,
            facilityType,
            resolution,
            vehicleType,
            taxiCompanyBorough,
            taxiPickUpLocation,
            bridgeHighwayName,
            bridgeHighwayDirection,
            roadRamp,
            bridgeHighwaySegment
        }) {
            max = Math.max(max, f.byteLength());
        }
        return max;
    }

    private static CsvField field(SampleRow row, String column) {
        return CsvField.of(row.get(column));
    }
}
