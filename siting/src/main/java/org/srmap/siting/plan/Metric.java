package org.srmap.siting.plan;

import org.srmap.siting.points.Point;
import org.srmap.siting.problem.Haversine;

/** How far a demand unit is from a site, in metres. */
public enum Metric {
    /** The great-circle distance (haversine, mean Earth radius). */
    GREAT_CIRCLE,
    /** North-south plus east-west great-circle legs: a street grid's walk, roughly. */
    MANHATTAN;

    public double metres(Point a, Point b) {
        if (this == GREAT_CIRCLE) {
            return Haversine.metres(a.lat(), a.lon(), b.lat(), b.lon());
        }
        double midLat = (a.lat() + b.lat()) / 2;
        return Haversine.metres(a.lat(), a.lon(), b.lat(), a.lon())
                + Haversine.metres(midLat, a.lon(), midLat, b.lon());
    }
}
