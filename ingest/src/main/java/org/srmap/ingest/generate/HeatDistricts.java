package org.srmap.ingest.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.srmap.geocoder.district.CommunityBoards;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;

/**
 * Heat complaints per community district over the October 2017 - May 2018 heat season, with the number
 * of buildings (BBLs) they came from, as published in {@code district_heat_complaints_2017-2018.geojson}
 * (properties {@code cd}, {@code comp}, {@code comp_bbls}). Districts without complaints are left out.
 *
 * @param districts the districts with complaints, by BoroCD
 */
record HeatDistricts(List<District> districts) {

    /** Copies and checks the list. */
    HeatDistricts {
        districts = List.copyOf(districts);
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("no district has heat complaints");
        }
    }

    /**
     * One district's heat season.
     *
     * @param boroCd the district
     * @param complaints heat complaints in the season
     * @param buildings buildings with at least one of them
     */
    record District(int boroCd, double complaints, int buildings) {

        /** Rejects unknown districts and empty seasons. */
        District {
            if (!CommunityBoards.isRegularDistrict(boroCd) && !CommunityBoards.isJointInterestArea(boroCd)) {
                throw new IllegalArgumentException("boroCd must be a district, was " + boroCd);
            }
            if (!(complaints > 0) || buildings < 1) {
                throw new IllegalArgumentException(
                        "district " + boroCd + " needs complaints and buildings, had " + complaints + ", " + buildings);
            }
        }

        /** Complaints per building over the season. */
        double complaintsPerBuilding() {
            return complaints / buildings;
        }
    }

    static HeatDistricts load(Path geoJson) {
        List<District> districts = new ArrayList<>();
        for (Feature feature : GeoJsonFeatures.read(geoJson)) {
            Object cd = feature.properties().get("cd");
            Object comp = feature.properties().get("comp");
            Object bbls = feature.properties().get("comp_bbls");
            if (cd == null || !(comp instanceof Number complaints) || !(bbls instanceof Number buildings)) {
                continue;
            }
            if (complaints.doubleValue() > 0 && buildings.intValue() > 0) {
                int boroCd;
                try {
                    boroCd = Integer.parseInt(cd.toString().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("heat district file " + geoJson + ": bad cd '" + cd + "'", e);
                }
                districts.add(new District(boroCd, complaints.doubleValue(), buildings.intValue()));
            }
        }
        districts.sort(Comparator.comparingInt(District::boroCd));
        return new HeatDistricts(districts);
    }

    /** All complaints of the season. */
    double totalComplaints() {
        return districts.stream().mapToDouble(District::complaints).sum();
    }
}
