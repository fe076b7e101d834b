package org.srmap.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.srmap.ingest.generate.ProfileReport.AgencyTables;

/**
 * The agencies of the profile that the samples give a name for, each with its {@link AgencyModel}.
 * Rates come from the profile's per-agency counts; names and channel mixes from the samples, preferring
 * requests created in 2020 or later (the profile's years).
 */
final class AgencyModels {

    /** Samples from this year on count as recent for names and channels. */
    static final int RECENT_YEAR = 2020;

    /** An agency with fewer recent samples than this takes the channel mix of all recent samples. */
    static final int MIN_CHANNEL_SAMPLES = 30;

    /** The size given to negative durations of an agency the profile has no median for. */
    private static final double DEFAULT_NEGATIVE_DAYS = 1;

    private final List<AgencyModel> all;
    private final Map<String, AgencyModel> byCode;

    private AgencyModels(List<AgencyModel> all) {
        this.all = List.copyOf(all);
        Map<String, AgencyModel> map = new TreeMap<>();
        for (AgencyModel agency : all) {
            map.put(agency.code(), agency);
        }
        this.byCode = map;
    }

    static AgencyModels build(ProfileReport profile, SampleRequests samples) {
        Map<String, Map<String, Long>> recentNames = new TreeMap<>();
        Map<String, Map<String, Long>> allNames = new TreeMap<>();
        Map<String, Map<String, Long>> recentChannels = new TreeMap<>();
        Map<String, Long> pooledChannels = new TreeMap<>();
        for (SampleRow row : samples.rows()) {
            String agency = row.get("agency").strip();
            String name = row.get("agency_name").strip();
            boolean recent = row.createdYear() >= RECENT_YEAR;
            if (!agency.isEmpty() && !name.isEmpty()) {
                add(allNames, agency, name);
                if (recent) {
                    add(recentNames, agency, name);
                }
            }
            String channel = row.get("open_data_channel_type").strip();
            if (recent && !agency.isEmpty() && !channel.isEmpty()) {
                add(recentChannels, agency, channel);
                pooledChannels.merge(channel, 1L, Long::sum);
            }
        }
        if (pooledChannels.isEmpty()) {
            throw new IllegalArgumentException("the 311 samples have no recent request with an Open Data Channel Type");
        }
        AgencyTables tables = profile.agencies();
        List<AgencyModel> models = new ArrayList<>();
        for (String code : tables.names()) {
            Optional<String> name = mostFrequent(recentNames.get(code)).or(() -> mostFrequent(allNames.get(code)));
            if (name.isEmpty()) {
                continue;
            }
            Map<String, Long> channels = recentChannels.getOrDefault(code, Map.of());
            long channelSamples =
                    channels.values().stream().mapToLong(Long::longValue).sum();
            models.add(model(
                    models.size(),
                    code,
                    name.get(),
                    channelSamples >= MIN_CHANNEL_SAMPLES ? channels : pooledChannels,
                    tables));
        }
        return new AgencyModels(models);
    }

    List<AgencyModel> all() {
        return all;
    }

    Optional<AgencyModel> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * Per agency, the probability that a request has no coordinates, so that requests in the given
     * agency mix miss them {@code target} of the time: the profile's per-agency missing shares are
     * scaled by one factor (capped at 1), found by bisection.
     *
     * @param agencyShare each agency's share of requests, indexed like {@link #all()}
     * @param target the wanted overall share, 0..1
     */
    double[] missingCoordinateProbabilities(double[] agencyShare, double target) {
        if (agencyShare.length != all.size()) {
            throw new IllegalArgumentException("agencyShare must have " + all.size() + " entries");
        }
        if (!(target >= 0 && target < 1)) {
            throw new IllegalArgumentException("target must be 0..1, was " + target);
        }
        double low = 0;
        double high = 1;
        while (overall(agencyShare, high) < target && high < 1e9) {
            high *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (overall(agencyShare, mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double[] probabilities = new double[all.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = Math.min(1, high * all.get(i).missingCoordinates());
        }
        return probabilities;
    }

    private double overall(double[] agencyShare, double scale) {
        double sum = 0;
        for (int i = 0; i < agencyShare.length; i++) {
            sum += agencyShare[i] * Math.min(1, scale * all.get(i).missingCoordinates());
        }
        return sum;
    }

    private static AgencyModel model(
            int index, String code, String name, Map<String, Long> channels, AgencyTables tables) {
        long rows = Math.max(1, tables.filled("unique_key", code));
        long closed = tables.filled("closed_date", code);
        long updated = tables.filled("resolution_action_updated_date", code);
        List<CsvField> channelNames = new ArrayList<>();
        double[] channelWeights = new double[channels.size()];
        for (Map.Entry<String, Long> channel : channels.entrySet()) {
            channelWeights[channelNames.size()] = channel.getValue();
            channelNames.add(CsvField.of(channel.getKey()));
        }
        double zero = share(tables.zeroDurations(), code, closed);
        double negative = Math.min(1 - zero, share(tables.negativeDurations(), code, closed));
        double negativeDays = tables.negativeMedianDays().getOrDefault(code, DEFAULT_NEGATIVE_DAYS);
        return new AgencyModel(
                index,
                code,
                CsvField.of(code),
                CsvField.of(name),
                channelNames,
                AliasTable.of(channelWeights),
                1 - Math.min(1, (double) tables.filled("latitude", code) / rows),
                Math.min(1, (double) tables.filled("incident_address", code) / rows),
                zero,
                negative,
                Math.max(1, negativeDays * TimestampText.SECONDS_PER_DAY),
                share(tables.createdAtMidnight(), code, rows),
                share(tables.createdAtNoon(), code, rows),
                share(tables.closedAtMidnight(), code, closed),
                share(tables.closedAtNoon(), code, closed),
                share(tables.updatedAtMidnight(), code, updated));
    }

    private static double share(Map<String, Long> counts, String code, long denominator) {
        return denominator <= 0 ? 0 : Math.min(1, (double) counts.getOrDefault(code, 0L) / denominator);
    }

    private static void add(Map<String, Map<String, Long>> counts, String key, String value) {
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(value, 1L, Long::sum);
    }

    /** The most frequent key, the alphabetically first among equals; empty for a null or empty map. */
    static Optional<String> mostFrequent(Map<String, Long> counts) {
        if (counts == null) {
            return Optional.empty();
        }
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> entry : new TreeMap<>(counts).entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
