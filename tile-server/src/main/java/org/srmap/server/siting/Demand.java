package org.srmap.server.siting;

import java.util.List;
import java.util.Map;
import org.srmap.siting.points.Point;

/**
 * The demand of a siting request and what became of the requests it counts.
 *
 * @param units the demand units, weighted
 * @param borough each unit's borough (code 1-5, 0 when unknown), by unit id
 * @param requests the requests the filter selects (null for uploaded demand)
 * @param unplaced those without a point, which no unit holds (null for uploaded demand)
 * @param outside those with a point outside every unit (a district or tract), none for H3 cells
 *     (null for uploaded demand)
 */
record Demand(List<Point> units, Map<String, Integer> borough, Long requests, Long unplaced, Long outside) {
    Demand {
        units = List.copyOf(units);
        borough = Map.copyOf(borough);
    }

    /** A planner's own demand units, with their boroughs. */
    static Demand uploaded(List<Point> units, Map<String, Integer> borough) {
        return new Demand(units, borough, null, null, null);
    }
}
