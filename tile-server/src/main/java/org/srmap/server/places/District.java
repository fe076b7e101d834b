package org.srmap.server.places;

/**
 * A community district as the page lists it.
 *
 * @param boroCd borough digit times 100 plus the district number, e.g. 307
 * @param borough the borough's name
 * @param name how people call it: "Brooklyn 7"; a joint interest area (a large park or an airport,
 *     where few or none live) says so
 * @param jointInterest whether it is a joint interest area
 * @param population 2020 census population, null where nobody was counted
 */
public record District(int boroCd, String borough, String name, boolean jointInterest, Integer population) {
    public District {
        if (boroCd < 101 || boroCd > 599) {
            throw new IllegalArgumentException("boroCd must be 101..599, was " + boroCd);
        }
    }

    /** The name of district {@code boroCd} of {@code borough}. */
    static String nameOf(int boroCd, String borough, boolean jointInterest) {
        return borough + " " + (boroCd % 100) + (jointInterest ? " (park or airport)" : "");
    }
}
