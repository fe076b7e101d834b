package org.srmap.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.srmap.geocoder.district.Districts;

/**
 * The geocoded real requests of the samples, indexed by the community district their point lies in,
 * so that a generated place can borrow the address fields (ZIP, street, cross streets, city, BBL) of the
 * nearest real request in its own district. Distances are equirectangular, which is exact enough at
 * city scale. Immutable.
 */
final class AddressDonors {

    private static final int BORO_CD_LIMIT = 600;
    private static final double COS_NYC_LATITUDE = StrictMath.cos(StrictMath.toRadians(40.7));

    private final Donor[][] byDistrict = new Donor[BORO_CD_LIMIT][];
    private final Donor[][] byBorough = new Donor[6][];
    private final Donor[][] streetByDistrict = new Donor[BORO_CD_LIMIT][];
    private final Donor[][] streetByBorough = new Donor[6][];
    private final Donor[] all;
    private final Donor[] streetAll;

    /** A real request's point and address. */
    private record Donor(double lon, double lat, AddressDetails address) {}

    private AddressDonors(List<List<Donor>> districts) {
        List<List<Donor>> boroughs = new ArrayList<>();
        List<List<Donor>> streetBoroughs = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            boroughs.add(new ArrayList<>());
            streetBoroughs.add(new ArrayList<>());
        }
        List<Donor> everyone = new ArrayList<>();
        List<Donor> everyStreet = new ArrayList<>();
        for (int cd = 0; cd < BORO_CD_LIMIT; cd++) {
            List<Donor> donors = districts.get(cd);
            List<Donor> street =
                    donors.stream().filter(d -> d.address().hasStreetAddress()).toList();
            byDistrict[cd] = donors.toArray(new Donor[0]);
            streetByDistrict[cd] = street.toArray(new Donor[0]);
            boroughs.get(cd / 100).addAll(donors);
            streetBoroughs.get(cd / 100).addAll(street);
            everyone.addAll(donors);
            everyStreet.addAll(street);
        }
        for (int b = 0; b < 6; b++) {
            byBorough[b] = boroughs.get(b).toArray(new Donor[0]);
            streetByBorough[b] = streetBoroughs.get(b).toArray(new Donor[0]);
        }
        all = everyone.toArray(new Donor[0]);
        streetAll = everyStreet.toArray(new Donor[0]);
    }

    /**
     * Indexes the samples that have a point inside a district.
     *
     * @throws IllegalArgumentException if none has
     */
    static AddressDonors build(SampleRequests samples, Districts districts) {
        List<List<Donor>> byDistrict = new ArrayList<>();
        for (int cd = 0; cd < BORO_CD_LIMIT; cd++) {
            byDistrict.add(new ArrayList<>());
        }
        for (SampleRow row : samples.rows()) {
            if (!row.hasPoint()) {
                continue;
            }
            OptionalInt cd = districts.boroCd(row.longitude(), row.latitude());
            if (cd.isPresent() && cd.getAsInt() < BORO_CD_LIMIT) {
                AddressDetails address = AddressDetails.of(row, cd.getAsInt() / 100);
                byDistrict.get(cd.getAsInt()).add(new Donor(row.longitude(), row.latitude(), address));
            }
        }
        AddressDonors donors = new AddressDonors(byDistrict);
        if (donors.streetAll.length == 0) {
            throw new IllegalArgumentException(
                    "no 311 sample has a street address and a point inside a community district");
        }
        return donors;
    }

    /** How many real requests are indexed. */
    int size() {
        return all.length;
    }

    /**
     * The address of the nearest real request in the same district, else in the same borough, else the
     * nearest of all.
     *
     * @param streetAddress whether only requests with an Incident Address qualify (for buildings)
     */
    AddressDetails nearest(int boroCd, double lon, double lat, boolean streetAddress) {
        Donor[][] districts = streetAddress ? streetByDistrict : byDistrict;
        Donor[][] boroughs = streetAddress ? streetByBorough : byBorough;
        Donor best = null;
        if (boroCd > 0 && boroCd < BORO_CD_LIMIT) {
            best = nearest(districts[boroCd], lon, lat);
            if (best == null) {
                best = nearest(boroughs[boroCd / 100], lon, lat);
            }
        }
        if (best == null) {
            best = nearest(streetAddress ? streetAll : all, lon, lat);
        }
        return best == null ? AddressDetails.NONE : best.address();
    }

    private static Donor nearest(Donor[] donors, double lon, double lat) {
        Donor best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Donor d : donors) {
            double dx = (d.lon() - lon) * COS_NYC_LATITUDE;
            double dy = d.lat() - lat;
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The longest address field of any donor, in bytes. */
    int maxByteLength() {
        int max = 0;
        for (Donor d : all) {
            max = Math.max(max, d.address().maxByteLength());
        }
        return max;
    }
}
