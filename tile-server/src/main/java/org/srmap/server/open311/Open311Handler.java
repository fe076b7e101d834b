package org.srmap.server.open311;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.problem.NotFoundException;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/**
 * The read side of Open311 GeoReport v2 under {@code /open311/v2/}: {@code discovery},
 * {@code services}, {@code services/{code}}, {@code requests}, {@code requests/{id}}, each {@code .json}
 * or {@code .xml}. Errors are GeoReport's own: a list of {@code code} and {@code description}, with
 * the HTTP status. Requests default to the last 90 days, newest first, 50 a page (at most 200).
 */
@Component
public final class Open311Handler {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    /** When this endpoint's behaviour last changed (discovery's changeset): raise it with every change. */
    static final String CHANGESET = "2026-11-22T00:00:00Z";

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final double MAX_RADIUS = 2_000;

    private static final Set<String> REQUEST_PARAMETERS = Set.of(
            "jurisdiction_id",
            "service_request_id",
            "service_code",
            "start_date",
            "end_date",
            "status",
            "updated_after",
            "page",
            "page_size",
            "lat",
            "long",
            "radius",
            "bbox");

    private final Open311Repository repository;
    private final Queries queries;

    public Open311Handler(Open311Repository repository, Queries queries) {
        this.repository = repository;
        this.queries = queries;
    }

    /** {@code /open311/v2/{file}}: discovery, services or requests. */
    public Mono<ServerResponse> resource(ServerRequest request) {
        return answer(request, request.pathVariable("file"), (name, format) -> switch (name) {
            case "discovery" -> Mono.just(discovery(request, format));
            case "services" -> blocking(() -> services(format));
            case "requests" -> blocking(() -> requests(request, format));
            default -> Mono.error(new NotFoundException("no GeoReport resource '" + name + "'"));
        });
    }

    /** {@code /open311/v2/{collection}/{file}}: one service definition or one request. */
    public Mono<ServerResponse> item(ServerRequest request) {
        String collection = request.pathVariable("collection");
        return answer(request, request.pathVariable("file"), (id, format) -> switch (collection) {
            case "services" -> blocking(() -> definition(id, format));
            case "requests" -> blocking(() -> oneRequest(id, format));
            default -> Mono.error(new NotFoundException("no GeoReport resource '" + collection + "'"));
        });
    }

    private interface Answer {
        Mono<Body> apply(String name, Open311Format format);
    }

    /** A response body already in its format. */
    private record Body(Open311Format format, Object value) {}

    private Mono<ServerResponse> answer(ServerRequest request, String file, Answer answer) {
        Open311Format format;
        String name;
        try {
            String[] parts = Open311Format.split(file);
            name = parts[0];
            format = Open311Format.of(parts[1]);
        } catch (BadRequestException e) {
            return error(Open311Format.JSON, HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Open311Format f = format;
        return Mono.defer(() -> answer.apply(name, f))
                .flatMap(body -> ServerResponse.ok()
                        .contentType(body.format().mediaType())
                        .bodyValue(body.value()))
                .onErrorResume(BadRequestException.class, e -> error(f, HttpStatus.BAD_REQUEST, e.getMessage()))
                .onErrorResume(NotFoundException.class, e -> error(f, HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private Mono<Body> blocking(Callable<Body> work) {
        return queries.run(work);
    }

    private static Mono<ServerResponse> error(Open311Format format, HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        Object body =
                format == Open311Format.XML ? Open311Format.xml("errors", "error", List.of(error)) : List.of(error);
        return ServerResponse.status(status).contentType(format.mediaType()).bodyValue(body);
    }

    private static Body discovery(ServerRequest request, Open311Format format) {
        URI uri = request.uri();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", uri.getScheme() + "://" + uri.getRawAuthority() + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", "NYC 311 data republished by srmap; read-only: requests are made through NYC 311");
        d.put("key_service", "");
        d.put("endpoints", List.of(endpoint));
        return format == Open311Format.XML ? new Body(format, Open311Format.xml("discovery", d)) : new Body(format, d);
    }

    private Body services(Open311Format format) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Open311Repository.Service s : repository.services().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", s.name() + " (311 complaint type)");
            m.put("metadata", false);
            m.put("type", "batch");
            m.put("keywords", "");
            m.put("group", s.group());
            list.add(m);
        }
        return format == Open311Format.XML
                ? new Body(format, Open311Format.xml("services", "service", list))
                : new Body(format, list);
    }

    private Body definition(String code, Open311Format format) {
        if (!repository.services().containsKey(code)) {
            throw new NotFoundException("no service '" + code + "'");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", code);
        d.put("attributes", List.of());
        return format == Open311Format.XML
                ? new Body(format, Open311Format.xml("service_definition", d))
                : new Body(format, d);
    }

    private Body oneRequest(String id, Open311Format format) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "service_request_id", "service_request_id must be a number, was '" + id + "'");
        }
        Map<String, Open311Repository.Service> services = repository.services();
        List<Map<String, Object>> found = repository.requests(
                new RequestSearch(List.of(key), List.of(), null, null, null, null, null, null, 1, 1),
                Open311Repository.codes(services));
        if (found.isEmpty()) {
            throw new NotFoundException("no service request " + key);
        }
        return format == Open311Format.XML
                ? new Body(format, Open311Format.xml("service_requests", "request", found))
                : new Body(format, found);
    }

    private Body requests(ServerRequest request, Open311Format format) {
        Map<String, Open311Repository.Service> services = repository.services();
        RequestSearch search = Open311Query.parse(request.queryParams(), REQUEST_PARAMETERS, services, Instant.now());
        List<Map<String, Object>> found = repository.requests(search, Open311Repository.codes(services));
        return format == Open311Format.XML
                ? new Body(format, Open311Format.xml("service_requests", "request", found))
                : new Body(format, found);
    }
}
