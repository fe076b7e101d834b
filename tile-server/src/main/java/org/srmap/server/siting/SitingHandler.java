package org.srmap.server.siting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterReader;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.query.Queries;
import org.srmap.siting.plan.Planner;
import org.srmap.siting.points.Point;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/siting}: the requests the filter selects (heat and hot water complaints unless it
 * names a category or type) as demand, facilities as candidates, a siting model's answer.
 */
@Component
public final class SitingHandler {
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    /** The default demand: residents' heat complaints, what warming centers answer. */
    static final String HEAT = "HEAT/HOT WATER";
    /** The largest distance matrix a request may build (160 MB of doubles). */
    static final long MAX_PAIRS = 20_000_000;

    private final FilterReader filters;
    private final SitingRepository repository;
    private final Queries queries;

    public SitingHandler(FilterReader filters, SitingRepository repository, Queries queries) {
        this.filters = filters;
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> siting(ServerRequest request) {
        SitingQuery query = SitingQuery.parse(request.queryParams());
        return filters.read(request, SitingQuery.PARAMETERS)
                .map(SitingHandler::heatUnlessNamed)
                .flatMap(filter -> queries.run(() -> read(query, filter)))
                .flatMap(input -> Mono.fromCallable(() -> solve(query, input)).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(answer -> switch (query.format()) {
                    case "geojson" -> ServerResponse.ok().contentType(GEOJSON).bodyValue(answer.geojson());
                    case "csv" -> ServerResponse.ok().contentType(CSV).bodyValue(answer.csv());
                    default ->
                        ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(answer.json());
                });
    }

    private static Filter heatUnlessNamed(Filter f) {
        return f.category() == null && f.types().isEmpty()
                ? new Filter(null, List.of(HEAT), f.from(), f.to(), f.status(), f.districts(), f.agency())
                : f;
    }

    /** What was read, and the parameter that chose the demand (named when there is none). */
    private record Input(Demand demand, List<Point> sites, Map<String, String> names, String demandParameter) {}

    private Input read(SitingQuery query, Filter filter) {
        Demand demand = repository.demand(query, filter);
        Map<String, String> names = new HashMap<>();
        List<Point> sites = new java.util.ArrayList<>(repository.facilities(query, names));
        if (query.sites().contains("cells")) {
            Set<String> ids = new HashSet<>();
            sites.forEach(s -> ids.add(s.id()));
            for (Point u : demand.units()) {
                String id = "cell:" + u.id();
                if (ids.add(id)) {
                    sites.add(Point.of(id, u.lat(), u.lon()));
                }
            }
        }
        return new Input(demand, sites, names, filter.category() != null ? "category" : "type");
    }

    private static SitingAnswer solve(SitingQuery query, Input in) {
        if (in.demand().units().isEmpty()) {
            throw new BadRequestException(
                    in.demandParameter(), "no placed request matches the filter: there is no demand to site for");
        }
        if (in.sites().isEmpty()) {
            throw new BadRequestException(
                    "sites",
                    "no candidate site of " + String.join(", ", query.sites())
                            + (query.wheelchair() ? " with wheelchair access" : "")
                            + (query.weekend() ? " open at weekends" : "") + " is loaded");
        }
        long pairs = (long) in.demand().units().size() * in.sites().size();
        if (pairs > MAX_PAIRS) {
            throw new BadRequestException(
                    "unit",
                    in.demand().units().size() + " demand units x " + in.sites().size()
                            + " sites is more than " + MAX_PAIRS
                            + " pairs: choose a coarser unit (res, district, tract),"
                            + " a narrower filter or fewer candidate kinds");
        }
        try {
            return new SitingAnswer(
                    query,
                    in.demand(),
                    in.sites().size(),
                    in.names(),
                    Planner.solve(query.plan(), in.demand().units(), in.sites()));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new BadRequestException(
                    m.startsWith("k ") ? "k" : m.contains("excluded") ? "exclude" : "required", m);
        }
    }
}
