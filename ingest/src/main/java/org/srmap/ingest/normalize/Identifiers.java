package org.srmap.ingest.normalize;

/** Checks and normalises the Unique Key, the ZIP code and the BBL. */
final class Identifiers {
    private Identifiers() {}

    /**
     * The Unique Key as a number, or -1 when it is not a positive whole number. A {@code .0} suffix (a spreadsheet
     * that took the key for a decimal) is accepted.
     */
    static long uniqueKey(String trimmed) {
        int end = trimmed.length();
        int dot = trimmed.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < end; i++) {
                if (trimmed.charAt(i) != '0') {
                    return -1;
                }
            }
            end = dot;
        }
        if (end == 0 || end > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < end; i++) {
            int digit = trimmed.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value > 0 ? value : -1;
    }

    /** The 5-digit ZIP of {@code 12345} or {@code 12345-6789}, or null for anything else. */
    static String zip(String trimmed) {
        int n = trimmed.length();
        if (n != 5 && !(n == 10 && trimmed.charAt(5) == '-' && allDigits(trimmed, 6, 10))) {
            return null;
        }
        if (!allDigits(trimmed, 0, 5)) {
            return null;
        }
        return n == 5 ? trimmed : trimmed.substring(0, 5);
    }

    /** True for a BBL: 10 digits, the first a borough code 1-5. */
    static boolean isBbl(String trimmed) {
        return trimmed.length() == 10
                && trimmed.charAt(0) >= '1'
                && trimmed.charAt(0) <= '5'
                && allDigits(trimmed, 1, 10);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
