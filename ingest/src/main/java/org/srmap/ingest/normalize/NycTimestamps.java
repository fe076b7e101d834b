package org.srmap.ingest.normalize;

import static java.time.temporal.ChronoField.AMPM_OF_DAY;
import static java.time.temporal.ChronoField.CLOCK_HOUR_OF_AMPM;
import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the New York local timestamps of 311 exports (written without an offset) and turns them into instants.
 *
 * <p>Accepted forms: {@code 03/01/2011 02:27:57 PM} (Open Data), {@code 10/21/18 0:00} (re-saved by Excel: one-digit
 * month, day and hour allowed, seconds optional, two-digit years are 20yy), {@code 2025-10-12T22:36:19.000} and
 * {@code 2023-12-08 12:00:00} (SODA and pandas: fraction and seconds optional). Precompiled formatters define the
 * grammar; the two fixed-width forms that make up nearly all rows also have a direct digit reader that gives the same
 * results about ten times faster.
 *
 * <p>Daylight saving time: a local time in the spring-forward gap (02:00-02:59 on the second Sunday of March) does
 * not exist; it is moved later by the length of the gap (02:30 becomes 03:30 EDT) and {@link Warning#DST_GAP_SHIFTED}
 * is noted. A local time in the fall-back overlap (01:00-01:59 on the first Sunday of November) happens twice; the
 * earlier one (EDT) is taken and {@link Warning#DST_OVERLAP} is noted.
 */
final class NycTimestamps {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final ZoneRules RULES = NEW_YORK.getRules();
    private static final DateTimeFormatter US_12_HOUR = us(true, false);
    private static final DateTimeFormatter US_12_HOUR_SHORT_YEAR = us(true, true);
    private static final DateTimeFormatter US_24_HOUR = us(false, false);
    private static final DateTimeFormatter US_24_HOUR_SHORT_YEAR = us(false, true);
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(YEAR, 4)
            .appendLiteral('-')
            .appendValue(MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(DAY_OF_MONTH, 2)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private NycTimestamps() {}

    /**
     * The instant a New York local timestamp names, or null when the text is not a timestamp in an accepted form.
     *
     * @param text a trimmed, non-empty timestamp
     * @param warnings receives {@link Warning#DST_GAP_SHIFTED} or {@link Warning#DST_OVERLAP} when they apply
     */
    static Instant parse(String text, Set<Warning> warnings) {
        LocalDateTime local = parseLocal(text);
        return local == null ? null : toInstant(local, warnings);
    }

    /** The local date and time written in {@code text}, or null when it is not in an accepted form. */
    static LocalDateTime parseLocal(String text) {
        try {
            if (isFixedUs(text)) {
                return fixedUs(text);
            }
            if (isFixedIso(text)) {
                return fixedIso(text);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return parseWithFormatters(text);
    }

    /** The reference parse by the precompiled formatters alone; null when none applies. */
    static LocalDateTime parseWithFormatters(String text) {
        DateTimeFormatter formatter = formatterFor(text);
        if (formatter == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, formatter);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The instant of a New York local time, resolving the DST gap and overlap as the class describes. */
    static Instant toInstant(LocalDateTime local, Set<Warning> warnings) {
        ZoneOffsetTransition transition = RULES.getTransition(local);
        if (transition == null) {
            return local.toInstant(RULES.getOffset(local));
        }
        if (transition.isGap()) {
            warnings.add(Warning.DST_GAP_SHIFTED);
            return local.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
        }
        warnings.add(Warning.DST_OVERLAP);
        return local.toInstant(transition.getOffsetBefore());
    }

    /** Picks the one formatter that can apply, by the shape of the text, so no parse is tried twice. */
    private static DateTimeFormatter formatterFor(String text) {
        if (text.length() > 4 && text.charAt(4) == '-') {
            return ISO;
        }
        int firstSlash = text.indexOf('/');
        int secondSlash = firstSlash < 0 ? -1 : text.indexOf('/', firstSlash + 1);
        int space = secondSlash < 0 ? -1 : text.indexOf(' ', secondSlash + 1);
        if (space < 0) {
            return null;
        }
        boolean shortYear = space - secondSlash - 1 == 2;
        char last = text.charAt(text.length() - 1);
        boolean twelveHour = last == 'M' || last == 'm';
        if (twelveHour) {
            return shortYear ? US_12_HOUR_SHORT_YEAR : US_12_HOUR;
        }
        return shortYear ? US_24_HOUR_SHORT_YEAR : US_24_HOUR;
    }

    private static DateTimeFormatter us(boolean twelveHour, boolean shortYear) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendValue(MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral('/')
                .appendValue(DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral('/');
        if (shortYear) {
            builder.appendValueReduced(YEAR, 2, 2, 2000);
        } else {
            builder.appendValue(YEAR, 4);
        }
        builder.appendLiteral(' ')
                .appendValue(twelveHour ? CLOCK_HOUR_OF_AMPM : HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE)
                .appendLiteral(':')
                .appendValue(MINUTE_OF_HOUR, 2)
                .optionalStart()
                .appendLiteral(':')
                .appendValue(SECOND_OF_MINUTE, 2)
                .optionalEnd();
        if (twelveHour) {
            builder.appendLiteral(' ').appendText(AMPM_OF_DAY, TextStyle.SHORT);
        }
        return builder.toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(IsoChronology.INSTANCE);
    }

    /** {@code MM/dd/yyyy hh:mm:ss AM}. */
    private static boolean isFixedUs(String s) {
        return s.length() == 22
                && s.charAt(2) == '/'
                && s.charAt(5) == '/'
                && s.charAt(10) == ' '
                && s.charAt(13) == ':'
                && s.charAt(16) == ':'
                && s.charAt(19) == ' ';
    }

    private static LocalDateTime fixedUs(String s) {
        int hour = digits(s, 11, 2);
        char meridiem = (char) (s.charAt(20) | 0x20);
        if ((s.charAt(21) | 0x20) != 'm' || (meridiem != 'a' && meridiem != 'p') || hour < 1 || hour > 12) {
            throw new DateTimeException("not a 12-hour time: " + s);
        }
        hour = hour % 12 + (meridiem == 'p' ? 12 : 0);
        return LocalDateTime.of(
                digits(s, 6, 4), digits(s, 0, 2), digits(s, 3, 2), hour, digits(s, 14, 2), digits(s, 17, 2));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss.SSS}, with 'T' or a space. */
    private static boolean isFixedIso(String s) {
        int n = s.length();
        return (n == 19 || (n == 23 && s.charAt(19) == '.'))
                && s.charAt(4) == '-'
                && s.charAt(7) == '-'
                && (s.charAt(10) == 'T' || s.charAt(10) == ' ')
                && s.charAt(13) == ':'
                && s.charAt(16) == ':';
    }

    private static LocalDateTime fixedIso(String s) {
        int nanos = s.length() == 23 ? digits(s, 20, 3) * 1_000_000 : 0;
        return LocalDateTime.of(
                digits(s, 0, 4),
                digits(s, 5, 2),
                digits(s, 8, 2),
                digits(s, 11, 2),
                digits(s, 14, 2),
                digits(s, 17, 2),
                nanos);
    }

    /** The decimal number in {@code s[from, from + count)}; a non-digit throws {@link DateTimeException}. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new DateTimeException("not a digit in " + s);
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
