package org.srmap.server.requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.problem.NotFoundException;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/** {@code GET /api/requests/{id}} and {@code GET /api/requests?lat=&lon=&radius=}: parse, query, respond. */
@Component
public final class RequestHandler {
    private static final Set<String> NEARBY_PARAMETERS = Set.of("lat", "lon", "radius", "page", "page_size");

    private final FilterReader filters;
    private final RequestRepository repository;
    private final Queries queries;

    public RequestHandler(FilterReader filters, RequestRepository repository, Queries queries) {
        this.filters = filters;
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> byKey(ServerRequest request) {
        String id = request.pathVariable("id");
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "id", "id must be a service request's unique key (a number), was '" + id + "'");
        }
        return queries.run(() -> repository.byKey(key)).flatMap(found -> found.map(v -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(v))
                .orElseThrow(() -> new NotFoundException("no service request " + key)));
    }

    public Mono<ServerResponse> nearby(ServerRequest request) {
        NearbyQuery query = query(request);
        return filters.read(request, NEARBY_PARAMETERS)
                .flatMap(filter -> queries.run(() -> repository.nearby(query, filter)))
                .flatMap(page -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("total", page.total());
                    body.put("page", query.page());
                    body.put("page_size", query.pageSize());
                    body.put(
                            "next",
                            query.offset() + page.requests().size() < page.total()
                                    ? UriComponentsBuilder.fromUri(request.uri())
                                            .replaceQueryParam("page", query.page() + 1)
                                            .build()
                                            .toUriString()
                                    : null);
                    body.put("requests", page.requests());
                    return ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body);
                });
    }

    private static NearbyQuery query(ServerRequest request) {
        double lat = number(request, "lat", null);
        double lon = number(request, "lon", null);
        double radius = number(request, "radius", null);
        int page = (int) number(request, "page", 1.0);
        int size = (int) number(request, "page_size", (double) NearbyQuery.DEFAULT_PAGE_SIZE);
        try {
            return new NearbyQuery(lat, lon, radius, page, size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage().split(" ", 2)[0], e.getMessage());
        }
    }

    /** A number parameter; {@code absent} when it may be left out (null: it must be given). */
    private static double number(ServerRequest request, String name, Double absent) {
        List<String> values = request.queryParams().get(name);
        if (values == null || values.isEmpty()) {
            if (absent == null) {
                throw new BadRequestException(name, name + " is required (lat, lon and radius in metres)");
            }
            return absent;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name, name + " may be given once, was given " + values.size() + " times");
        }
        try {
            double v = Double.parseDouble(values.get(0).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be a number, was '" + values.get(0) + "'");
        }
    }
}
