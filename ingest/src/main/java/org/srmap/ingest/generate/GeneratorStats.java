package org.srmap.ingest.generate;

/**
 * What a generator run wrote. Every count is of data rows, and each is at most {@code rows}.
 *
 * @param rows data rows written, the header not counted
 * @param withoutCoordinates rows with empty Latitude, Longitude, X/Y and Location
 * @param defective rows made deliberately invalid (bad key, bad date, too few fields), about 1%
 * @param heatComplaints rows of complaint type {@code HEAT/HOT WATER}
 * @param stillOpen rows without a Closed Date because the request was still open when exported
 * @param zeroDuration rows closed at the very instant they were created
 * @param closedBeforeCreated rows whose Closed Date precedes their Created Date
 * @param sites distinct places drawn for ordinary requests
 * @param heatBuildings distinct buildings that heat and housing complaints come from
 */
public record GeneratorStats(
        long rows,
        long withoutCoordinates,
        long defective,
        long heatComplaints,
        long stillOpen,
        long zeroDuration,
        long closedBeforeCreated,
        int sites,
        int heatBuildings) {

    /** Rejects negative counts and counts above {@code rows}. */
    public GeneratorStats {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        check("withoutCoordinates", withoutCoordinates, rows);
        check("defective", defective, rows);
        check("heatComplaints", heatComplaints, rows);
        check("stillOpen", stillOpen, rows);
        check("zeroDuration", zeroDuration, rows);
        check("closedBeforeCreated", closedBeforeCreated, rows);
        if (sites < 0 || heatBuildings < 0) {
            throw new IllegalArgumentException(
                    "sites and heatBuildings must be >= 0, were " + sites + " and " + heatBuildings);
        }
    }

    private static void check(String name, long value, long rows) {
        if (value < 0 || value > rows) {
            throw new IllegalArgumentException(name + " must be 0.." + rows + ", was " + value);
        }
    }
}
