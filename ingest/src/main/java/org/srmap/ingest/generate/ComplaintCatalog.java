package org.srmap.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.srmap.ingest.generate.ProfileReport.ListedType;
import org.srmap.ingest.generate.ProfileReport.TypeDuration;

/**
 * The complaint types generated, with their shares.
 *
 * <p><b>Shares.</b> Types of the profile's top list get their exact counts; every other type with a
 * response-time row gets its count of positive closed durations, scaled so that all types together
 * make up the profile's total. Types that no real sample shows (so that no agency, spelling or
 * descriptor is known) are left out, and the others renormalised; {@link #droppedShare()} says how much.
 *
 * <p><b>Agencies.</b> The profile's agency where its top list names a single one; otherwise the mix of
 * agencies in the samples of that type.
 *
 * <p><b>Time to close.</b> Log-normal with the profile's median per type and a shape fitted to its mean
 * ({@code sigma = sqrt(2 ln(mean/median))}), kept within {@value #MIN_SIGMA}..{@value #MAX_SIGMA}.
 */
final class ComplaintCatalog {

    /** The heat complaint type, as the profile spells it. */
    static final String HEAT = "HEAT/HOT WATER";

    /** Shape bounds of the time to close: hand-chosen, to tame types whose mean is dominated by outliers. */
    static final double MIN_SIGMA = 0.5;

    static final double MAX_SIGMA = 2.5;

    /** The shortest median time to close, in seconds (the profile prints medians to 0.01 days). */
    private static final double MIN_MEDIAN_SECONDS = 60;

    private final List<ComplaintType> types;
    private final ComplaintType heat;
    private final List<ComplaintType> others;
    private final AliasTable otherPick;
    private final double[] agencyShares;
    private final double droppedShare;

    private ComplaintCatalog(List<ComplaintType> types, double[] agencyShares, double droppedShare) {
        this.types = List.copyOf(types);
        this.heat = types.stream()
                .filter(t -> t.key().equals(HEAT))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the profile and samples give no complaint type " + HEAT + " to generate"));
        this.others = types.stream().filter(t -> !t.key().equals(HEAT)).toList();
        this.otherPick =
                AliasTable.of(others.stream().mapToDouble(ComplaintType::share).toArray());
        this.agencyShares = agencyShares.clone();
        this.droppedShare = droppedShare;
    }

    static ComplaintCatalog build(ProfileReport profile, SampleRequests samples, AgencyModels agencies) {
        Map<String, ListedType> listed = new TreeMap<>();
        long listedTotal = 0;
        for (ListedType type : profile.topTypes()) {
            listed.put(type.name(), type);
            listedTotal += type.count();
        }
        long unlistedClosed = 0;
        for (TypeDuration type : profile.typeDurations()) {
            if (!listed.containsKey(type.name())) {
                unlistedClosed += type.closed();
            }
        }
        double scale = unlistedClosed == 0 ? 0 : (double) (profile.totalRows() - listedTotal) / unlistedClosed;
        Map<String, List<SampleRow>> byType = new TreeMap<>();
        for (SampleRow row : samples.rows()) {
            String key = row.get("complaint_type").strip().toUpperCase(Locale.ROOT);
            if (!key.isEmpty()) {
                byType.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        double total = 0;
        double dropped = 0;
        for (TypeDuration type : profile.typeDurations()) {
            ListedType top = listed.get(type.name());
            double weight = top != null ? top.count() : type.closed() * scale;
            total += weight;
            List<SampleRow> rows = byType.getOrDefault(type.name(), List.of());
            Map<AgencyModel, Double> handlers = handlers(top, rows, agencies);
            if (rows.isEmpty() || handlers.isEmpty()) {
                dropped += weight;
                continue;
            }
            drafts.add(new Draft(type, weight, rows, handlers));
        }
        double kept = total - dropped;
        List<ComplaintType> types = new ArrayList<>();
        double[] agencyShares = new double[agencies.all().size()];
        for (Draft draft : drafts) {
            ComplaintType type = draft.toType(draft.weight / kept);
            types.add(type);
            double handlerTotal = draft.handlers.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            for (Map.Entry<AgencyModel, Double> handler : draft.handlers.entrySet()) {
                agencyShares[handler.getKey().index()] += type.share() * handler.getValue() / handlerTotal;
            }
        }
        return new ComplaintCatalog(types, agencyShares, total == 0 ? 0 : dropped / total);
    }

    /** Every generated type, in the order of the profile's response-time table (by closed count). */
    List<ComplaintType> types() {
        return types;
    }

    ComplaintType heat() {
        return heat;
    }

    /** Draws a type other than heat, in proportion to the shares. */
    ComplaintType drawOther(SplittableRandom random) {
        return others.get(otherPick.sample(random));
    }

    /** Each agency's share of requests, indexed like {@link AgencyModels#all()}. */
    double[] agencyShares() {
        return agencyShares.clone();
    }

    /** The share of the profile's requests whose type is not generated. */
    double droppedShare() {
        return droppedShare;
    }

    /** The agencies handling a type, with weights; sorted by agency code for reproducibility. */
    private static Map<AgencyModel, Double> handlers(ListedType top, List<SampleRow> rows, AgencyModels agencies) {
        Map<String, Double> byCode = new TreeMap<>();
        Optional<AgencyModel> single = top == null ? Optional.empty() : agencies.find(top.agency());
        if (single.isPresent()) {
            byCode.put(single.get().code(), 1.0);
        } else {
            for (SampleRow row : rows) {
                String code = row.get("agency").strip();
                if (agencies.find(code).isPresent()) {
                    byCode.merge(code, 1.0, Double::sum);
                }
            }
        }
        Map<AgencyModel, Double> handlers = new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
        byCode.forEach((code, weight) -> handlers.put(agencies.find(code).orElseThrow(), weight));
        return handlers;
    }

    /** A type while the shares are being normalised. */
    private record Draft(
            TypeDuration duration, double weight, List<SampleRow> rows, Map<AgencyModel, Double> handlers) {

        ComplaintType toType(double share) {
            Map<String, Long> spellings = new TreeMap<>();
            List<RequestDetails> closed = new ArrayList<>();
            List<RequestDetails> open = new ArrayList<>();
            for (SampleRow row : rows) {
                spellings.merge(row.get("complaint_type").strip(), 1L, Long::sum);
                RequestDetails details = RequestDetails.of(row);
                if (row.get("status").strip().equalsIgnoreCase("closed")) {
                    closed.add(details);
                } else {
                    open.add(details);
                }
            }
            if (closed.isEmpty()) {
                closed.addAll(open);
            }
            if (open.isEmpty()) {
                closed.forEach(d -> open.add(d.withoutResolution()));
            }
            List<AgencyModel> agencies = List.copyOf(handlers.keySet());
            double[] weights =
                    handlers.values().stream().mapToDouble(Double::doubleValue).toArray();
            double median = Math.max(MIN_MEDIAN_SECONDS, duration.medianDays() * TimestampText.SECONDS_PER_DAY);
            double ratio = duration.medianDays() > 0 ? duration.meanDays() / duration.medianDays() : 1;
            double sigma = ratio > 1 ? StrictMath.sqrt(2 * StrictMath.log(ratio)) : MIN_SIGMA;
            return new ComplaintType(
                    duration.name(),
                    CsvField.of(AgencyModels.mostFrequent(spellings).orElseThrow()),
                    agencies,
                    AliasTable.of(weights),
                    share,
                    median,
                    Math.max(MIN_SIGMA, Math.min(MAX_SIGMA, sigma)),
                    closed,
                    open);
        }
    }
}
