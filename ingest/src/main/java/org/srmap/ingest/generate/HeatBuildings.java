package org.srmap.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.srmap.ingest.generate.HeatDistricts.District;

/**
 * The buildings heat complaints come from: a few repeat-caller buildings per district that account for
 * most complaints.
 *
 * <p><b>How many.</b> Each district gets its share of the season's complaints (from the 2017-18 heat
 * file) and as many buildings as give its real complaints-per-building ratio, capped by its real count
 * of complaining buildings; so a small run has few buildings, each with several complaints, and a large
 * run approaches the real building count.
 *
 * <p><b>Which.</b> Within a district, the k-th building is drawn with weight {@code k^-}{@value
 * #ZIPF_EXPONENT} (Zipf-like; the exponent is hand-chosen: at the real season's volume the worst
 * building of the busiest district draws about a thousand complaints and the top 1% of buildings about
 * 30% of all; a 200,000-row run shows about 9%). Buildings stand at population-weighted points of their
 * district and borrow the street address of the nearest real request.
 */
final class HeatBuildings {

    /** Exponent of the within-district Zipf law; a modelling choice, not in the data. */
    static final double ZIPF_EXPONENT = 0.9;

    private static final int MAX_POINT_TRIES = 50;

    private final Sites sites;
    private final AliasTable pick;

    private HeatBuildings(Sites sites, AliasTable pick) {
        this.sites = sites;
        this.pick = pick;
    }

    /**
     * Places the buildings.
     *
     * @param heatPerSeason how many heat complaints the run makes per heat season
     */
    static HeatBuildings build(
            HeatDistricts heat,
            TractSampler tracts,
            SiteFactory factory,
            double heatPerSeason,
            SplittableRandom random) {
        TreeMap<Integer, List<Integer>> tractsByDistrict = new TreeMap<>();
        for (int t = 0; t < tracts.size(); t++) {
            double[] inside = tracts.interiorPoint(t);
            OptionalInt cd = factory.district(inside[0], inside[1]);
            if (cd.isPresent()) {
                tractsByDistrict
                        .computeIfAbsent(cd.getAsInt(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        double total = heat.totalComplaints();
        int[] counts = new int[heat.districts().size()];
        int capacity = 0;
        for (int i = 0; i < counts.length; i++) {
            District d = heat.districts().get(i);
            double expected = heatPerSeason * d.complaints() / total;
            long wanted = Math.round(expected / d.complaintsPerBuilding());
            counts[i] =
                    tractsByDistrict.containsKey(d.boroCd()) ? (int) Math.max(1, Math.min(d.buildings(), wanted)) : 0;
            capacity += counts[i];
        }
        if (capacity == 0) {
            throw new IllegalArgumentException("no heat district contains a census tract");
        }
        Sites sites = new Sites(capacity);
        double[] weights = new double[capacity];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            District d = heat.districts().get(i);
            List<Integer> own = tractsByDistrict.get(d.boroCd());
            AliasTable tractPick =
                    AliasTable.of(own.stream().mapToDouble(tracts::population).toArray());
            double norm = 0;
            for (int k = 1; k <= counts[i]; k++) {
                norm += StrictMath.pow(k, -ZIPF_EXPONENT);
            }
            for (int k = 1; k <= counts[i]; k++) {
                int index = place(sites, d.boroCd(), own, tractPick, tracts, factory, random);
                weights[index] = d.complaints() / total * StrictMath.pow(k, -ZIPF_EXPONENT) / norm;
            }
        }
        return new HeatBuildings(sites, AliasTable.of(weights));
    }

    Sites sites() {
        return sites;
    }

    /** Draws a building in proportion to its complaint weight. */
    int draw(SplittableRandom random) {
        return pick.sample(random);
    }

    /** Adds one building in a district: a point of one of its tracts that falls inside it if possible. */
    private static int place(
            Sites sites,
            int boroCd,
            List<Integer> own,
            AliasTable tractPick,
            TractSampler tracts,
            SiteFactory factory,
            SplittableRandom random) {
        int tract = own.get(tractPick.sample(random));
        double[] point = tracts.drawPoint(tract, random);
        for (int i = 1; i < MAX_POINT_TRIES; i++) {
            OptionalInt cd = factory.district(point[0], point[1]);
            if (cd.isPresent() && cd.getAsInt() == boroCd) {
                break;
            }
            tract = own.get(tractPick.sample(random));
            point = tracts.drawPoint(tract, random);
        }
        OptionalInt index = factory.add(sites, point[0], point[1], true, random);
        if (index.isEmpty()) {
            double[] inside = tracts.interiorPoint(tract);
            index = factory.add(sites, inside[0], inside[1], true, random);
        }
        return index.orElseThrow(() -> new IllegalStateException("tract interior point outside every district"));
    }
}
