package org.srmap.ingest.generate;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.district.CommunityBoards;
import org.srmap.geocoder.district.Districts;

/**
 * Turns points into {@link Sites}: finds the community district of the point (the geocoder's lookup),
 * its borough (the borough outline for district 208, which straddles the Harlem River at Marble Hill),
 * its State Plane position and the address of the nearest real request. A small share of places is
 * given the label of a neighbouring district, as real 311 data has.
 */
final class SiteFactory {

    /**
     * Share of places whose Community Board label names a neighbouring district. SOURCES.md measured
     * that labels agree with the district polygon for 99.3% of real points; the rest are neighbours.
     */
    static final double MISLABELLED_SHARE = 0.007;

    /** The district whose Borough field depends on the side of the Harlem River. */
    private static final int MARBLE_HILL_DISTRICT = 208;

    private static final int NEIGHBOUR_TRIES = 12;
    private static final double MIN_NEIGHBOUR_METRES = 150;
    private static final double MAX_NEIGHBOUR_METRES = 2500;
    private static final double METRES_PER_DEGREE_LAT = 111_000;

    private final Districts districts;
    private final AddressDonors donors;

    SiteFactory(Districts districts, AddressDonors donors) {
        this.districts = districts;
        this.donors = donors;
    }

    /** Fills {@code sites} with points drawn in proportion to residents. */
    void fillWithResidents(Sites sites, TractSampler tracts, SplittableRandom random) {
        while (!sites.isFull()) {
            double[] point = tracts.drawPoint(tracts.drawTract(random), random);
            add(sites, point[0], point[1], false, random);
        }
    }

    /** The community district or joint interest area at a point, if any. */
    OptionalInt district(double lon, double lat) {
        return districts.boroCd(lon, lat);
    }

    /**
     * Adds a place at a point, unless the point lies in no district.
     *
     * @param streetAddress whether the place must borrow a street address (a building)
     * @return the new index, or empty if the point is outside every district
     */
    OptionalInt add(Sites sites, double lon, double lat, boolean streetAddress, SplittableRandom random) {
        boolean mislabel = random.nextDouble() < MISLABELLED_SHARE;
        OptionalInt found = districts.boroCd(lon, lat);
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        int boroCd = found.getAsInt();
        int boroCode = boroCd / 100;
        if (boroCd == MARBLE_HILL_DISTRICT) {
            boroCode = districts.boroCode(lon, lat).orElse(boroCode);
        }
        int board = mislabel ? neighbour(boroCd, lon, lat, random) : boroCd;
        double[] xy = Projections.wgs84ToStatePlane(lon, lat);
        AddressDetails address = donors.nearest(boroCd, lon, lat, streetAddress);
        int index = sites.add(lon, lat, (int) Math.round(xy[0]), (int) Math.round(xy[1]), board, boroCode, address);
        return OptionalInt.of(index);
    }

    /** A different regular district a short way off, or the point's own if none is found. */
    private int neighbour(int boroCd, double lon, double lat, SplittableRandom random) {
        for (int i = 0; i < NEIGHBOUR_TRIES; i++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double metres = MIN_NEIGHBOUR_METRES + random.nextDouble() * (MAX_NEIGHBOUR_METRES - MIN_NEIGHBOUR_METRES);
            double dLat = metres * StrictMath.sin(angle) / METRES_PER_DEGREE_LAT;
            double dLon = metres
                    * StrictMath.cos(angle)
                    / (METRES_PER_DEGREE_LAT * StrictMath.cos(StrictMath.toRadians(lat)));
            OptionalInt other = districts.boroCd(lon + dLon, lat + dLat);
            if (other.isPresent()
                    && other.getAsInt() != boroCd
                    && CommunityBoards.isRegularDistrict(other.getAsInt())) {
                return other.getAsInt();
            }
        }
        return boroCd;
    }
}
