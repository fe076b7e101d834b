package org.srmap.siting.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A starting choice of sites: the required ones, then those with the largest values (an LP's, capacities). */
public final class TopSites {
    private TopSites() {}

    /** The required sites, then the sites of largest value (ties: lowest index), k in all. */
    public static List<Integer> of(double[] value, Collection<Integer> required, int k) {
        List<Integer> open = new ArrayList<>(required);
        Integer[] order = new Integer[value.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(value[b], value[a]));
        for (int j : order) {
            if (open.size() >= k) {
                break;
            }
            if (!open.contains(j)) {
                open.add(j);
            }
        }
        return open;
    }
}
