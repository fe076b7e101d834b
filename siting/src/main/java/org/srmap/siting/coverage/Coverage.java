package org.srmap.siting.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srmap.siting.problem.Instance;

/**
 * Which sites cover which demand at a radius (distance at most the radius), with the demand units
 * that have the same covering sites merged into one group of their summed weight: the models need
 * only the groups, often far fewer than the units. Units no site covers form no group.
 */
public final class Coverage {
    /** Each group's covering sites, ascending. */
    final int[][] sitesOf;
    /** Each group's weight. */
    final double[] weight;
    /** Each site's groups. */
    final int[][] groupsOf;
    /** The weight no site can cover. */
    final double uncoverable;

    private Coverage(int[][] sitesOf, double[] weight, int[][] groupsOf, double uncoverable) {
        this.sitesOf = sitesOf;
        this.weight = weight;
        this.groupsOf = groupsOf;
        this.uncoverable = uncoverable;
    }

    public static Coverage of(Instance in, double radius) {
        if (!(radius >= 0)) {
            throw new IllegalArgumentException("radius must be >= 0, was " + radius);
        }
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double uncoverable = 0;
        int[] buffer = new int[in.sites()];
        for (int i = 0; i < in.units(); i++) {
            int n = 0;
            for (int j = 0; j < in.sites(); j++) {
                if (in.distance()[i][j] <= radius) {
                    buffer[n++] = j;
                }
            }
            if (n == 0) {
                uncoverable += in.weights()[i];
                continue;
            }
            int[] set = Arrays.copyOf(buffer, n);
            Integer g = groupOf.putIfAbsent(Arrays.toString(set), sets.size());
            if (g == null) {
                sets.add(set);
                weights.add(in.weights()[i]);
            } else {
                weights.set(g, weights.get(g) + in.weights()[i]);
            }
        }
        int[][] sitesOf = sets.toArray(new int[0][]);
        double[] weight = weights.stream().mapToDouble(Double::doubleValue).toArray();
        int[] count = new int[in.sites()];
        for (int[] set : sitesOf) {
            for (int j : set) {
                count[j]++;
            }
        }
        int[][] groupsOf = new int[in.sites()][];
        for (int j = 0; j < in.sites(); j++) {
            groupsOf[j] = new int[count[j]];
        }
        int[] at = new int[in.sites()];
        for (int g = 0; g < sitesOf.length; g++) {
            for (int j : sitesOf[g]) {
                groupsOf[j][at[j]++] = g;
            }
        }
        return new Coverage(sitesOf, weight, groupsOf, uncoverable);
    }

    /** How many groups of distinct covering sites there are. */
    public int groups() {
        return weight.length;
    }

    /** The weight no site covers at this radius. */
    public double uncoverable() {
        return uncoverable;
    }

    /** The weight some site covers: what all the sites together would cover. */
    public double coverable() {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        return sum;
    }

    /** The weight the given open sites cover. */
    public double covered(List<Integer> open) {
        boolean[] isOpen = new boolean[groupsOf.length];
        for (int j : open) {
            isOpen[j] = true;
        }
        double sum = 0;
        for (int g = 0; g < sitesOf.length; g++) {
            for (int j : sitesOf[g]) {
                if (isOpen[j]) {
                    sum += weight[g];
                    break;
                }
            }
        }
        return sum;
    }
}
