package org.srmap.ingest.load;

/**
 * What merging one source's staged rows did: distinct keys staged, rows inserted, updated and left
 * unchanged, and where the rows were placed. District agreement compares the computed district
 * with the reported community board where both exist.
 */
public record MergeResult(
        long distinctKeys,
        long inserted,
        long updated,
        long unchanged,
        long withLocation,
        long placedWithLocation,
        long unplaced,
        long byLatLon,
        long byStatePlane,
        long byGazetteer,
        long outsideDistricts,
        long districtCompared,
        long districtAgreed,
        long daysRefreshed) {
    public MergeResult {
        if (inserted + updated + unchanged != distinctKeys) {
            throw new IllegalArgumentException("inserted + updated + unchanged must equal distinctKeys, was " + inserted
                    + " + " + updated + " + " + unchanged + " vs " + distinctKeys);
        }
    }

    /** True when the merge changed service_request. */
    public boolean changedData() {
        return inserted + updated > 0;
    }
}
