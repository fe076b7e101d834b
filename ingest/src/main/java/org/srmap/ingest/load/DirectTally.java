package org.srmap.ingest.load;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.srmap.ingest.locate.Placement;

/**
 * What the rows loaded straight into service_request add to a run's figures, counted as they
 * stream past: rows, placement, district agreement, the calendar days whose rollups change and the
 * complaint types seen.
 */
public final class DirectTally {
    private long rows;
    private long withLocation;
    private long placedWithLocation;
    private long unplaced;
    private long byLatLon;
    private long byStatePlane;
    private long outsideDistricts;
    private long districtCompared;
    private long districtAgreed;
    private final Set<LocalDate> days = new HashSet<>();
    private final Set<String> types = new HashSet<>();

    void count(boolean hasLocation, Placement p, int reportedBoroCd, LocalDate day, String complaintType) {
        rows++;
        if (hasLocation) {
            withLocation++;
            if (p.placed()) {
                placedWithLocation++;
            }
        }
        if (!p.placed()) {
            unplaced++;
        } else {
            if (p.source() == Placement.Source.LATLON) {
                byLatLon++;
            } else if (p.source() == Placement.Source.STATEPLANE) {
                byStatePlane++;
            }
            if (p.boroCd() == 0) {
                outsideDistricts++;
            }
        }
        if (p.boroCd() != 0 && reportedBoroCd != 0) {
            districtCompared++;
            if (p.boroCd() == reportedBoroCd) {
                districtAgreed++;
            }
        }
        days.add(day);
        types.add(complaintType);
    }

    /** Rows loaded straight into service_request. */
    public long rows() {
        return rows;
    }

    /** The placement counters in the order of StageSql.PLACEMENT_COUNTS. */
    long[] placement() {
        return new long[] {
            withLocation,
            placedWithLocation,
            unplaced,
            byLatLon,
            byStatePlane,
            0,
            outsideDistricts,
            districtCompared,
            districtAgreed
        };
    }

    Date[] days() {
        return days.stream().map(Date::valueOf).toArray(Date[]::new);
    }

    String[] types() {
        return types.toArray(String[]::new);
    }
}
