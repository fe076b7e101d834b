package org.srmap.ingest.generate;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How one agency's requests look and close, derived from the profile's per-agency tables and the real
 * samples. Every rate is a probability in 0..1.
 *
 * @param index position in {@link AgencyModels#all()}
 * @param code the agency acronym, e.g. {@code HPD}
 * @param codeField the acronym as a CSV field
 * @param name the Agency Name the exports print for it
 * @param channelNames the Open Data Channel Types its requests arrive by
 * @param channels draws an index into {@code channelNames}
 * @param missingCoordinates share of its requests without a latitude in the profile
 * @param addressFill share of its requests with an Incident Address
 * @param zeroDuration share of its closed requests closed at the instant of creation
 * @param negativeDuration share of its closed requests closed before creation
 * @param negativeMedianSeconds typical size of those negative durations
 * @param createdAtMidnight share created at exactly 00:00:00
 * @param createdAtNoon share created at exactly 12:00:00
 * @param closedAtMidnight share of closed requests closed at exactly 00:00:00
 * @param closedAtNoon share of closed requests closed at exactly 12:00:00
 * @param updatedAtMidnight share whose resolution update is stamped 00:00:00
 */
record AgencyModel(
        int index,
        String code,
        CsvField codeField,
        CsvField name,
        List<CsvField> channelNames,
        AliasTable channels,
        double missingCoordinates,
        double addressFill,
        double zeroDuration,
        double negativeDuration,
        double negativeMedianSeconds,
        double createdAtMidnight,
        double createdAtNoon,
        double closedAtMidnight,
        double closedAtNoon,
        double updatedAtMidnight) {

    /** Checks names, sizes and that rates are probabilities. */
    AgencyModel {
        Objects.requireNonNull(code, "code must not be null");
        if (!codeField.text().equals(code)) {
            throw new IllegalArgumentException("codeField must spell " + code + ", was " + codeField);
        }
        Objects.requireNonNull(name, "name must not be null");
        channelNames = List.copyOf(channelNames);
        Objects.requireNonNull(channels, "channels must not be null");
        if (channels.size() != channelNames.size()) {
            throw new IllegalArgumentException(
                    "channels must draw among the " + channelNames.size() + " channel names");
        }
        double[] rates = {
            missingCoordinates,
            addressFill,
            zeroDuration,
            negativeDuration,
            createdAtMidnight,
            createdAtNoon,
            closedAtMidnight,
            closedAtNoon,
            updatedAtMidnight
        };
        for (double rate : rates) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rates of agency " + code + " must be 0..1, found " + rate);
            }
        }
        if (zeroDuration + negativeDuration > 1) {
            throw new IllegalArgumentException("zero and negative durations of " + code + " exceed 1");
        }
        if (!(negativeMedianSeconds > 0)) {
            throw new IllegalArgumentException("negativeMedianSeconds must be > 0, was " + negativeMedianSeconds);
        }
    }

    /** Draws the channel of one request. */
    CsvField channel(SplittableRandom random) {
        return channelNames.get(channels.sample(random));
    }
}
