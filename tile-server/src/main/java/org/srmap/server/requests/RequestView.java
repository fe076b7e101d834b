package org.srmap.server.requests;

import java.time.Instant;

/**
 * One service request as the API shows it: instants in UTC (ISO 8601), the district it counts in
 * (its point's, else the reported one), and the distance from the searched point when there is one.
 * A request of a sensitive type ({@code srmap.privacy}) is {@code locationGeneralised}: its lat and
 * lon are its resolution-10 H3 cell's centre (null when that is unknown), its address the street
 * without the house number, and the distance is to that centre.
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
        boolean locationGeneralised,
        Double metres) {}
