package org.srmap.ingest.normalize;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads coordinate pairs: WGS84 latitude/longitude and NY State Plane X/Y. A pair is kept only when both numbers are
 * readable, non-zero and inside the New York City area (with a margin); otherwise both are dropped with a warning.
 */
final class Coordinates {
    /** The New York City area, with about 5 km of margin around the city's extent. */
    static final Bounds LATITUDE = new Bounds(40.40, 41.00);

    static final Bounds LONGITUDE = new Bounds(-74.35, -73.60);
    /** The same area in NY State Plane Long Island (EPSG:2263) US feet. */
    static final Bounds X_STATE_PLANE = new Bounds(890_000, 1_090_000);

    static final Bounds Y_STATE_PLANE = new Bounds(100_000, 295_000);

    private static final Pattern DICT_LATITUDE = Pattern.compile("latitude['\"]?\\s*:\\s*['\"]?\\s*([-+0-9.eE]+)");
    private static final Pattern DICT_LONGITUDE = Pattern.compile("longitude['\"]?\\s*:\\s*['\"]?\\s*([-+0-9.eE]+)");
    private static final Pattern WKT_POINT =
            Pattern.compile("POINT\\s*\\(\\s*([-+0-9.eE]+)\\s+([-+0-9.eE]+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAREN_PAIR = Pattern.compile("\\(\\s*([-+0-9.eE]+)\\s*,\\s*([-+0-9.eE]+)\\s*\\)");

    private Coordinates() {}

    /** An inclusive range of plausible values. */
    record Bounds(double min, double max) {
        Bounds {
            if (!(min < max)) {
                throw new IllegalArgumentException("min must be < max, was " + min + ", " + max);
            }
        }

        boolean contains(double value) {
            return value >= min && value <= max;
        }
    }

    /** A pair of coordinates that passed every check. */
    record Pair(Double first, Double second) {}

    /** The latitude and longitude text found in a Location value. */
    record LatLonText(String latitude, String longitude) {}

    /**
     * Checks a pair of coordinates written as text.
     *
     * @return the pair, or null when both are missing or the pair was dropped (with a warning added to
     *     {@code warnings})
     */
    static Pair pair(
            String firstRaw, String secondRaw, Bounds firstBounds, Bounds secondBounds, Set<Warning> warnings) {
        String first = CleanText.text(firstRaw);
        String second = CleanText.text(secondRaw);
        if (first == null && second == null) {
            return null;
        }
        if (first == null || second == null) {
            warnings.add(Warning.INCOMPLETE_COORDINATE);
            return null;
        }
        double a = number(first);
        double b = number(second);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            warnings.add(Warning.BAD_COORDINATE);
            return null;
        }
        if (a == 0 || b == 0) {
            warnings.add(Warning.ZERO_COORDINATE);
            return null;
        }
        if (!firstBounds.contains(a) || !secondBounds.contains(b)) {
            warnings.add(Warning.COORDINATE_OUT_OF_RANGE);
            return null;
        }
        return new Pair(a, b);
    }

    /**
     * A decimal number, possibly with thousands separators ({@code 1,017,901}); NaN when the text is not one. Only
     * digits, one sign, a point, an exponent and well-placed commas are accepted.
     */
    static double number(String text) {
        boolean commas = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',') {
                commas = true;
            } else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        String plain = text;
        if (commas) {
            if (!hasThousandsGrouping(text)) {
                return Double.NaN;
            }
            plain = text.replace(",", "");
        }
        try {
            // Jackson's copy of FastDoubleParser: correctly rounded like Double.parseDouble (a
            // differential test holds them equal), and several times faster on the 16- and
            // 17-digit coordinates of the exports, which send the JDK down its BigInteger path.
            double value = NumberInput.parseDouble(plain, true);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True when every comma is followed by exactly three digits before the next comma, point or end. */
    private static boolean hasThousandsGrouping(String text) {
        int point = text.indexOf('.');
        int end = point < 0 ? text.length() : point;
        int lastComma = -1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == ',') {
                if (lastComma >= 0 ? i - lastComma != 4 : i == 0) {
                    return false;
                }
                lastComma = i;
            }
        }
        return lastComma < 0 || (end - lastComma == 4 && text.indexOf(',', end) < 0);
    }

    /**
     * The latitude and longitude in a Location value: the Open Data form {@code (40.66, -73.99)} (possibly after an
     * address), the Python-dict form a pandas re-export writes ({@code {'latitude': '40.67', 'longitude': ...}}) or
     * WKT {@code POINT (-73.99 40.66)}. Null when none of them is there.
     */
    static LatLonText parseLocation(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        if (location.contains("latitude")) {
            Matcher latitude = DICT_LATITUDE.matcher(location);
            Matcher longitude = DICT_LONGITUDE.matcher(location);
            return latitude.find() && longitude.find() ? new LatLonText(latitude.group(1), longitude.group(1)) : null;
        }
        Matcher point = WKT_POINT.matcher(location);
        if (point.find()) {
            return new LatLonText(point.group(2), point.group(1));
        }
        Matcher pair = PAREN_PAIR.matcher(location);
        LatLonText found = null;
        while (pair.find()) {
            found = new LatLonText(pair.group(1), pair.group(2));
        }
        return found;
    }
}
