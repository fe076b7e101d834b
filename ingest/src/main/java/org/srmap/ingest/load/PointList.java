package org.srmap.ingest.load;

import java.util.Arrays;

/** A growable list of (id, lon, lat) in primitive arrays: 24 bytes a point, no boxing. */
final class PointList {
    private long[] ids = new long[1024];
    private double[] coords = new double[2048];
    private int size;

    void add(long id, double lon, double lat) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            coords = Arrays.copyOf(coords, size * 4);
        }
        ids[size] = id;
        coords[2 * size] = lon;
        coords[2 * size + 1] = lat;
        size++;
    }

    int size() {
        return size;
    }

    long id(int i) {
        return ids[i];
    }

    double lon(int i) {
        return coords[2 * i];
    }

    double lat(int i) {
        return coords[2 * i + 1];
    }
}
