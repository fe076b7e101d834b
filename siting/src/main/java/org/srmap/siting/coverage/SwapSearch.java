package org.srmap.siting.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The covering heuristic: greedy construction, then one-for-one swaps while any covers more weight,
 * on counts of how many open sites cover each group (so a swap's worth is computed from the groups
 * of the two sites alone).
 */
final class SwapSearch {
    private SwapSearch() {}

    /** The required sites, then k times the site that adds the most weight (ties: lowest index). */
    static List<Integer> greedy(Coverage c, int k, Collection<Integer> required) {
        int sites = c.groupsOf.length;
        int[] count = new int[c.groups()];
        boolean[] open = new boolean[sites];
        List<Integer> chosen = new ArrayList<>();
        for (int j : required) {
            if (!open[j]) {
                add(c, count, j);
                open[j] = true;
                chosen.add(j);
            }
        }
        while (chosen.size() < k) {
            int best = -1;
            double bestGain = -1;
            for (int j = 0; j < sites; j++) {
                if (open[j]) {
                    continue;
                }
                double gain = gain(c, count, j);
                if (gain > bestGain) {
                    best = j;
                    bestGain = gain;
                }
            }
            add(c, count, best);
            open[best] = true;
            chosen.add(best);
        }
        return chosen;
    }

    /** Swaps an open site (not a required one) for a closed one while the best swap covers more. */
    static List<Integer> improve(Coverage c, List<Integer> start, Collection<Integer> required) {
        int sites = c.groupsOf.length;
        List<Integer> open = new ArrayList<>(start);
        boolean[] isOpen = new boolean[sites];
        int[] count = new int[c.groups()];
        for (int j : open) {
            isOpen[j] = true;
            add(c, count, j);
        }
        while (true) {
            int bestOut = -1;
            int bestIn = -1;
            double bestDelta = 1e-9;
            for (int out : open) {
                if (required.contains(out)) {
                    continue;
                }
                double loss = loss(c, count, out);
                remove(c, count, out);
                for (int in = 0; in < sites; in++) {
                    if (isOpen[in]) {
                        continue;
                    }
                    double delta = gain(c, count, in) - loss;
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        bestOut = out;
                        bestIn = in;
                    }
                }
                add(c, count, out);
            }
            if (bestOut < 0) {
                return open;
            }
            remove(c, count, bestOut);
            add(c, count, bestIn);
            isOpen[bestOut] = false;
            isOpen[bestIn] = true;
            open.set(open.indexOf(bestOut), bestIn);
        }
    }

    /** The sites in the order greedy would add them among themselves: each the next most useful. */
    static List<Integer> byMarginalGain(Coverage c, List<Integer> open) {
        List<Integer> left = new ArrayList<>(open);
        List<Integer> ranked = new ArrayList<>();
        int[] count = new int[c.groups()];
        while (!left.isEmpty()) {
            int best = left.get(0);
            double bestGain = -1;
            for (int j : left) {
                double g = gain(c, count, j);
                if (g > bestGain || (g == bestGain && j < best)) {
                    best = j;
                    bestGain = g;
                }
            }
            add(c, count, best);
            ranked.add(best);
            left.remove(Integer.valueOf(best));
        }
        return ranked;
    }

    /** The weight site j would add: its groups no open site covers. */
    private static double gain(Coverage c, int[] count, int j) {
        double sum = 0;
        for (int g : c.groupsOf[j]) {
            if (count[g] == 0) {
                sum += c.weight[g];
            }
        }
        return sum;
    }

    /** The weight lost without site j: its groups no other open site covers. */
    private static double loss(Coverage c, int[] count, int j) {
        double sum = 0;
        for (int g : c.groupsOf[j]) {
            if (count[g] == 1) {
                sum += c.weight[g];
            }
        }
        return sum;
    }

    private static void add(Coverage c, int[] count, int j) {
        for (int g : c.groupsOf[j]) {
            count[g]++;
        }
    }

    private static void remove(Coverage c, int[] count, int j) {
        for (int g : c.groupsOf[j]) {
            count[g]--;
        }
    }
}
