package org.srmap.server.geocode;

/**
 * What lies at a point: the community district, borough and neighbourhood covering it (null
 * outside them) and its H3 cells at the rollup's and the points' resolutions, as H3 addresses.
 */
public record Place(
        double lat,
        double lon,
        Integer district,
        Integer boroughCode,
        String borough,
        String ntaCode,
        String nta,
        String h3R8,
        String h3R10) {}
