package org.srmap.ingest.generate;

/**
 * Places requests are made from, held column-wise (a few primitive arrays rather than an object per
 * place) because there can be half a million of them. Each place has its WGS84 point, its State Plane
 * position, the community district its Community Board label names, its borough and the address fields
 * it borrows. Filled once by {@link SiteFactory}, then only read.
 */
final class Sites {

    private final double[] lon;
    private final double[] lat;
    private final int[] x;
    private final int[] y;
    private final short[] board;
    private final byte[] borough;
    private final AddressDetails[] address;
    private int size;

    Sites(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        lon = new double[capacity];
        lat = new double[capacity];
        x = new int[capacity];
        y = new int[capacity];
        board = new short[capacity];
        borough = new byte[capacity];
        address = new AddressDetails[capacity];
    }

    /**
     * Appends a place.
     *
     * @return its index
     * @throws IllegalStateException when full
     */
    int add(double lon, double lat, int xFeet, int yFeet, int boardBoroCd, int boroCode, AddressDetails address) {
        if (size == this.lon.length) {
            throw new IllegalStateException("all " + size + " places are taken");
        }
        this.lon[size] = lon;
        this.lat[size] = lat;
        this.x[size] = xFeet;
        this.y[size] = yFeet;
        this.board[size] = (short) boardBoroCd;
        this.borough[size] = (byte) boroCode;
        this.address[size] = address;
        return size++;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == lon.length;
    }

    double lon(int site) {
        return lon[site];
    }

    double lat(int site) {
        return lat[site];
    }

    int xFeet(int site) {
        return x[site];
    }

    int yFeet(int site) {
        return y[site];
    }

    /** The BoroCD the Community Board label names, which for a few places is a neighbour's. */
    int board(int site) {
        return board[site];
    }

    int borough(int site) {
        return borough[site];
    }

    AddressDetails address(int site) {
        return address[site];
    }
}
