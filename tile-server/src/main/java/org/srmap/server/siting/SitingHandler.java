package org.srmap.server.siting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
import org.srmap.siting.plan.PlanException;
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
    private final ObjectMapper json;

    public SitingHandler(FilterReader filters, SitingRepository repository, Queries queries, ObjectMapper json) {
        this.filters = filters;
        this.repository = repository;
        this.queries = queries;
        this.json = json;
    }

    public Mono<ServerResponse> siting(ServerRequest request) {
        SitingQuery query = SitingQuery.parse(request.queryParams());
        return respond(query, fromRequests(request, query, null));
    }

    /**
     * {@code POST /api/siting} with a planner's own files (multipart parts {@code demand} and/or
     * {@code candidates}): an uploaded demand replaces the loaded requests (then no filter, unit, res
     * or weight applies), uploaded candidates replace the facilities unless {@code sites} names
     * kinds to add.
     */
    public Mono<ServerResponse> upload(ServerRequest request) {
        SitingQuery query = SitingQuery.parse(request.queryParams());
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            throw new BadRequestException(
                    "body", "post multipart/form-data with a part demand and/or a part candidates (CSV or GeoJSON)");
        }
        return respond(
                query,
                request.multipartData()
                        .flatMap(parts -> Uploads.read(parts, json))
                        .flatMap(up -> {
                            if (up.demand() == null) {
                                return fromRequests(request, query, up.candidates());
                            }
                            for (String name : request.queryParams().keySet()) {
                                if (!SitingQuery.PARAMETERS.contains(name) || UPLOAD_IGNORES.contains(name)) {
                                    throw new BadRequestException(
                                            name,
                                            UPLOAD_IGNORES.contains(name)
                                                    ? name + " does not apply to an uploaded demand"
                                                    : "unknown parameter '" + name + "'");
                                }
                            }
                            boolean facilities = up.candidates() == null
                                    || request.queryParams().containsKey("sites");
                            return queries.run(() -> {
                                Demand demand = Demand.uploaded(up.demand(), repository.boroughs(up.demand()));
                                return candidates(query, demand, facilities, up.candidates(), "demand");
                            });
                        }));
    }

    /** The parameters that choose demand among the loaded requests. */
    private static final Set<String> UPLOAD_IGNORES =
            Set.of("unit", "res", "weight", "category", "type", "from", "to", "status", "district", "agency");

    private Mono<Input> fromRequests(ServerRequest request, SitingQuery query, List<Point> uploadedSites) {
        boolean facilities = uploadedSites == null || request.queryParams().containsKey("sites");
        return filters.read(request, SitingQuery.PARAMETERS)
                .map(SitingHandler::heatUnlessNamed)
                .flatMap(filter -> queries.run(() -> candidates(
                        query,
                        repository.demand(query, filter),
                        facilities,
                        uploadedSites,
                        filter.category() != null ? "category" : "type")));
    }

    private Mono<ServerResponse> respond(SitingQuery query, Mono<Input> input) {
        return input.flatMap(in -> Mono.fromCallable(() -> solve(query, in)).subscribeOn(Schedulers.boundedElastic()))
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

    /** The demand with its candidates: facilities, uploaded sites and/or the units' centres. */
    private Input candidates(
            SitingQuery query, Demand demand, boolean facilities, List<Point> uploaded, String demandParameter) {
        Map<String, String> names = new HashMap<>();
        List<Point> sites = new ArrayList<>();
        if (facilities) {
            sites.addAll(repository.facilities(query, names));
        }
        Set<String> ids = new HashSet<>();
        sites.forEach(s -> ids.add(s.id()));
        if (uploaded != null) {
            for (Point p : uploaded) {
                if (!ids.add(p.id())) {
                    throw new BadRequestException("candidates", "candidate id '" + p.id() + "' is also a facility's");
                }
                sites.add(p);
            }
        }
        if (query.sites().contains("cells")) {
            for (Point u : demand.units()) {
                String id = "cell:" + u.id();
                if (ids.add(id)) {
                    sites.add(Point.of(id, u.lat(), u.lon()));
                }
            }
        }
        return new Input(demand, sites, names, demandParameter);
    }

    private static SitingAnswer solve(SitingQuery query, Input in) {
        if (in.demand().units().isEmpty()) {
            throw new BadRequestException(
                    in.demandParameter(), "no placed request matches the filter: there is no demand to site for");
        }
        if (in.sites().isEmpty()) {
            throw new BadRequestException(
                    "sites",
                    "no candidate site of " + String.join(", ", query.sites()) + " or uploaded"
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
        } catch (PlanException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }
}
