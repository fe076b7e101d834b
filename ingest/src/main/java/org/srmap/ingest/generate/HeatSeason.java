package org.srmap.ingest.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The daily rate of heat complaints through the year, relative to its yearly mean (so a year averages
 * 1). In the heat season (October 1 to May 31, when NYC landlords must heat) the rate follows heating
 * degree days, {@code max(0, 65°F - mean temperature)}, plus a floor for mild in-season days; the
 * temperature of each calendar day comes from the 2017-18 daily weather file, repeated every year. Out
 * of season only hot-water complaints remain, at a fixed fraction of the mean in-season rate.
 */
final class HeatSeason {

    /** Base of heating degree days, the usual 65°F. */
    static final double BASE_FAHRENHEIT = 65;

    /** Rate added on every in-season day, in degree-days; hand-chosen so mild October days still count. */
    static final double FLOOR_DEGREES = 8;

    static final MonthDay FIRST_DAY = MonthDay.of(10, 1);
    static final MonthDay LAST_DAY = MonthDay.of(5, 31);

    /** A leap year, so that every calendar day has a slot. */
    private static final int SLOT_YEAR = 2000;

    /** A common year, over which the rate is normalised. */
    private static final int REFERENCE_YEAR = 2001;

    private final double[] rawBySlot = new double[366];
    private final double norm;

    private HeatSeason(double[] meanTemperature, double summerRatio) {
        double inSeasonSum = 0;
        int inSeasonDays = 0;
        for (int s = 0; s < rawBySlot.length; s++) {
            if (inSeason(slotDate(s))) {
                rawBySlot[s] = Math.max(0, BASE_FAHRENHEIT - meanTemperature[s]) + FLOOR_DEGREES;
                if (s != slot(LocalDate.of(SLOT_YEAR, 2, 29))) {
                    inSeasonSum += rawBySlot[s];
                    inSeasonDays++;
                }
            }
        }
        double summer = summerRatio * inSeasonSum / inSeasonDays;
        for (int s = 0; s < rawBySlot.length; s++) {
            if (!inSeason(slotDate(s))) {
                rawBySlot[s] = summer;
            }
        }
        double yearSum = 0;
        LocalDate day = LocalDate.of(REFERENCE_YEAR, 1, 1);
        for (; day.getYear() == REFERENCE_YEAR; day = day.plusDays(1)) {
            yearSum += rawBySlot[slot(day)];
        }
        norm = yearSum / LocalDate.of(REFERENCE_YEAR, 1, 1).lengthOfYear();
    }

    /**
     * Reads the daily weather file (columns {@code time}, an ISO timestamp whose date is the local day,
     * {@code temperatureHigh} and {@code temperatureLow} in °F). In-season days the file lacks take the
     * temperature of the closest earlier day it has.
     *
     * @param summerRatio the out-of-season daily rate over the mean in-season daily rate, 0..1
     */
    static HeatSeason load(Path temperaturesCsv, double summerRatio) {
        if (!(summerRatio >= 0 && summerRatio <= 1)) {
            throw new IllegalArgumentException("summerRatio must be 0..1, was " + summerRatio);
        }
        double[] mean = new double[366];
        Arrays.fill(mean, Double.NaN);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(temperaturesCsv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                LocalDate date = LocalDate.parse(record.get("time").substring(0, 10));
                double high = Double.parseDouble(record.get("temperatureHigh"));
                double low = Double.parseDouble(record.get("temperatureLow"));
                mean[slot(date)] = (high + low) / 2;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("temperature file " + temperaturesCsv + " cannot be read: " + e, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("temperature file " + temperaturesCsv + " is malformed: " + e, e);
        }
        int first = slot(LocalDate.of(SLOT_YEAR, FIRST_DAY.getMonthValue(), FIRST_DAY.getDayOfMonth()));
        boolean any = false;
        for (int i = 0; i < mean.length && !any; i++) {
            any = inSeason(slotDate(i)) && !Double.isNaN(mean[i]);
        }
        if (!any) {
            throw new IllegalArgumentException("temperature file " + temperaturesCsv + " has no heat-season day");
        }
        // Walk the season in order from October 1, carrying the last known temperature forward.
        double last = Double.NaN;
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < mean.length; k++) {
                int s = (first + k) % mean.length;
                if (!inSeason(slotDate(s))) {
                    continue;
                }
                if (Double.isNaN(mean[s])) {
                    mean[s] = last;
                } else {
                    last = mean[s];
                }
            }
        }
        return new HeatSeason(mean, summerRatio);
    }

    /** Whether a day lies in the heat season, October 1 to May 31. */
    static boolean inSeason(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(FIRST_DAY) || !day.isAfter(LAST_DAY);
    }

    /** Days of a common year inside the heat season. */
    static int seasonDays() {
        int days = 0;
        for (LocalDate d = LocalDate.of(REFERENCE_YEAR, 1, 1); d.getYear() == REFERENCE_YEAR; d = d.plusDays(1)) {
            days += inSeason(d) ? 1 : 0;
        }
        return days;
    }

    /** The heat complaint rate of a day, relative to the yearly mean. */
    double rate(LocalDate date) {
        return rawBySlot[slot(date)] / norm;
    }

    private static int slot(LocalDate date) {
        return LocalDate.of(SLOT_YEAR, date.getMonthValue(), date.getDayOfMonth())
                        .getDayOfYear()
                - 1;
    }

    private static LocalDate slotDate(int slot) {
        return LocalDate.ofYearDay(SLOT_YEAR, slot + 1);
    }
}
