package org.srmap.server.open311;

import java.time.Instant;
import java.util.List;

/** A GeoReport {@code GET requests} search. Empty lists and nulls do not filter. */
record RequestSearch(
        List<Long> keys,
        List<String> types,
        Instant start,
        Instant end,
        String status,
        Instant updatedAfter,
        Box box,
        Circle circle,
        int page,
        int pageSize) {
    /** A box in degrees. */
    record Box(double west, double south, double east, double north) {}

    /** A circle: its centre in degrees and its radius in metres. */
    record Circle(double lon, double lat, double radius) {}

    RequestSearch {
        keys = List.copyOf(keys);
        types = List.copyOf(types);
    }
}
