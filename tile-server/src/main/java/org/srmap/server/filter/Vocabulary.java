package org.srmap.server.filter;

import java.util.Set;

/**
 * The values a filter may name, as the database holds them: categories, complaint types, district
 * BoroCDs and agencies.
 */
public record Vocabulary(Set<String> categories, Set<String> types, Set<Integer> districts, Set<String> agencies) {
    public Vocabulary {
        categories = Set.copyOf(categories);
        types = Set.copyOf(types);
        districts = Set.copyOf(districts);
        agencies = Set.copyOf(agencies);
    }
}
