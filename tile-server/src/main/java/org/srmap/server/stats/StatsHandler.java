package org.srmap.server.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/** {@code GET /api/stats?group=...&format=json|csv} with the filters: parse, query, respond. */
@Component
public final class StatsHandler {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FilterReader filters;
    private final StatsRepository repository;
    private final Queries queries;

    public StatsHandler(FilterReader filters, StatsRepository repository, Queries queries) {
        this.filters = filters;
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> stats(ServerRequest request) {
        Grouping grouping = Grouping.parse(request.queryParams().getOrDefault("group", List.of()));
        boolean csv = csv(request.queryParams().get("format"));
        boolean durations = durations(request.queryParams().get("durations"));
        return filters.read(request, Set.of("group", "format", "durations"))
                .flatMap(filter -> queries.run(() -> repository.stats(grouping, filter, durations)))
                .flatMap(rows -> csv
                        ? ServerResponse.ok()
                                .contentType(CSV)
                                .bodyValue(StatsCsv.write(
                                        grouping.columns(),
                                        durations ? StatsRepository.DURATION_COLUMNS : List.of(),
                                        rows))
                        : ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(json(grouping, rows)));
    }

    private static Map<String, Object> json(Grouping grouping, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groups", grouping.columns());
        body.put("count", rows.stream().mapToLong(r -> (Long) r.get("count")).sum());
        body.put(
                "unplaced",
                rows.stream().mapToLong(r -> (Long) r.get("unplaced")).sum());
        body.put("rows", rows);
        return body;
    }

    /** Days to close are read from the requests themselves, so they are computed only when asked. */
    private static boolean durations(List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (values.size() == 1 && (values.get(0).equals("true") || values.get(0).equals("false"))) {
            return values.get(0).equals("true");
        }
        throw new BadRequestException("durations", "durations must be true or false, given once");
    }

    private static boolean csv(List<String> format) {
        if (format == null || format.isEmpty()) {
            return false;
        }
        if (format.size() > 1) {
            throw new BadRequestException("format", "format may be given once, was given " + format.size() + " times");
        }
        return switch (format.get(0)) {
            case "json" -> false;
            case "csv" -> true;
            default ->
                throw new BadRequestException("format", "format must be json or csv, was '" + format.get(0) + "'");
        };
    }
}
