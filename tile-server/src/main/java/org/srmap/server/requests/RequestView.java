package org.srmap.server.requests;

import java.time.Instant;

/**
 * One service request as the API shows it: instants in UTC (ISO 8601), the district it counts in
 * (its point's, else the reported one), and the distance from the searched point when there is one.
 */
public record RequestView(
        long uniqueKey,
        Instant created,
        Instant closed,
        Instant updated,
        String status,
        String agency,
        String category,
        String complaintType,
        String descriptor,
        String locationType,
        String address,
        String zip,
        String borough,
        Integer district,
        String reportedBoard,
        String channel,
        String resolution,
        Double lat,
        Double lon,
        Double metres) {}
