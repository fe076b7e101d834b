package org.srmap.server.open311;

import java.util.Locale;

/** Service codes: complaint types as URL-safe slugs, e.g. {@code HEAT/HOT WATER} is {@code heat-hot-water}. */
final class ServiceCodes {
    private ServiceCodes() {}

    static String slug(String type) {
        String s = type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "other" : s;
    }
}
