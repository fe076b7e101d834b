package org.srmap.ingest.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes local New York times the way the Open Data export does, {@code MM/dd/yyyy hh:mm:ss a} with an
 * English AM/PM marker, e.g. {@code 05/01/2022 12:00:03 AM}, without a formatter per row: the 86,400
 * times of day and the dates of a window of days are rendered once; dates outside it are computed.
 *
 * <p>Times are counted as <i>local seconds</i>: seconds since 1970-01-01 00:00 on the wall clock, as
 * {@link LocalDateTime#toEpochSecond} with offset zero gives. Daylight saving is ignored, as the export
 * (which stores wall-clock times without an offset) does.
 */
final class TimestampText {

    /** Bytes of {@code MM/dd/yyyy}. */
    static final int DATE_WIDTH = 10;

    /** Bytes of {@code hh:mm:ss AM}. */
    static final int TIME_WIDTH = 11;

    /** Bytes of a whole timestamp. */
    static final int WIDTH = DATE_WIDTH + 1 + TIME_WIDTH;

    static final long SECONDS_PER_DAY = 86_400;

    private final byte[] times = new byte[(int) SECONDS_PER_DAY * TIME_WIDTH];
    private final long firstDay;
    private final byte[] dates;
    private final byte[] scratch = new byte[DATE_WIDTH];

    /** Renders the times of day and the dates from {@code first} to {@code last}, inclusive. */
    TimestampText(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last must not be before first, was " + first + ".." + last);
        }
        firstDay = first.toEpochDay();
        int days = Math.toIntExact(last.toEpochDay() - firstDay + 1);
        dates = new byte[days * DATE_WIDTH];
        for (int d = 0; d < days; d++) {
            renderDate(firstDay + d, dates, d * DATE_WIDTH);
        }
        for (int s = 0; s < SECONDS_PER_DAY; s++) {
            renderTime(s, times, s * TIME_WIDTH);
        }
    }

    /** The local seconds of a wall-clock time. */
    static long localSeconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    /** Appends the timestamp of a local-seconds value. */
    void append(RowBuffer out, long localSeconds) {
        long day = Math.floorDiv(localSeconds, SECONDS_PER_DAY);
        int second = (int) Math.floorMod(localSeconds, SECONDS_PER_DAY);
        long index = day - firstDay;
        if (index >= 0 && index * DATE_WIDTH < dates.length) {
            out.put(dates, (int) index * DATE_WIDTH, DATE_WIDTH);
        } else {
            renderDate(day, scratch, 0);
            out.put(scratch, 0, DATE_WIDTH);
        }
        out.put((byte) ' ');
        out.put(times, second * TIME_WIDTH, TIME_WIDTH);
    }

    private static void renderDate(long epochDay, byte[] target, int offset) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits, was " + year);
        }
        String text = two(date.getMonthValue()) + "/" + two(date.getDayOfMonth()) + "/" + year;
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, DATE_WIDTH);
    }

    private static void renderTime(int secondOfDay, byte[] target, int offset) {
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        int clock = hour % 12 == 0 ? 12 : hour % 12;
        String text = two(clock) + ":" + two(minute) + ":" + two(second) + (hour < 12 ? " AM" : " PM");
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, TIME_WIDTH);
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
