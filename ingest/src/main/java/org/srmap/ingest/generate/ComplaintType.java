package org.srmap.ingest.generate;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One complaint type as generated: its name as the exports spell it, who handles it, how often it
 * occurs, how long it stays open, and real requests to copy descriptive fields from.
 *
 * @param key the profile's upper-case name, e.g. {@code NOISE - RESIDENTIAL}
 * @param name the Complaint Type as printed, e.g. {@code Noise - Residential}
 * @param agencies the agencies that handle it
 * @param agencyPick draws an index into {@code agencies}
 * @param share its share of all requests
 * @param medianSeconds median time to close
 * @param sigma log-normal shape of the time to close
 * @param closedDetails descriptive fields of closed real requests of this type
 * @param openDetails descriptive fields for requests still open
 */
record ComplaintType(
        String key,
        CsvField name,
        List<AgencyModel> agencies,
        AliasTable agencyPick,
        double share,
        double medianSeconds,
        double sigma,
        List<RequestDetails> closedDetails,
        List<RequestDetails> openDetails) {

    /** Checks sizes and ranges. */
    ComplaintType {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(name, "name must not be null");
        agencies = List.copyOf(agencies);
        if (agencies.isEmpty() || agencyPick.size() != agencies.size()) {
            throw new IllegalArgumentException("type " + key + " needs agencies and a matching agencyPick");
        }
        closedDetails = List.copyOf(closedDetails);
        openDetails = List.copyOf(openDetails);
        if (closedDetails.isEmpty() || openDetails.isEmpty()) {
            throw new IllegalArgumentException("type " + key + " needs closed and open details");
        }
        if (!(share > 0 && share <= 1) || !(medianSeconds > 0) || !(sigma >= 0)) {
            throw new IllegalArgumentException(
                    "type " + key + ": bad share " + share + ", median " + medianSeconds + " or sigma " + sigma);
        }
    }

    /** The type and its share, without the long lists. */
    @Override
    public String toString() {
        return "ComplaintType[" + key + ", share " + share + ", " + agencies.size() + " agencies, "
                + closedDetails.size() + " closed and " + openDetails.size() + " open details]";
    }

    AgencyModel agency(SplittableRandom random) {
        return agencies.size() == 1 ? agencies.get(0) : agencies.get(agencyPick.sample(random));
    }

    RequestDetails details(boolean open, SplittableRandom random) {
        List<RequestDetails> pool = open ? openDetails : closedDetails;
        return pool.get(random.nextInt(pool.size()));
    }
}
