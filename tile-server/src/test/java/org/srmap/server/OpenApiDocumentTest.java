package org.srmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The OpenAPI document the server serves describes exactly the routes it has. */
@SpringBootTest(
        classes = ServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate"})
class OpenApiDocumentTest extends FixtureServerTest {
    private final WebTestClient client;
    private final RouterFunction<ServerResponse> router;

    OpenApiDocumentTest(@Autowired WebTestClient client, @Autowired RouterFunction<ServerResponse> router) {
        this.client = client;
        this.router = router;
    }

    @Test
    void describesEveryRouteAndNoOther() throws Exception {
        JsonNode doc = json(client, "/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);

        Set<String> routes = new TreeSet<>();
        router.accept(new RouteCollector(routes));
        routes.add("/openapi.json");
        routes.add("/actuator/health");
        routes.add("/actuator/prometheus");

        assertThat(documented).isEqualTo(routes);
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> assertThat(
                                op.getValue().get("responses").fieldNames())
                        .as("%s %s answers a 2xx", op.getKey(), path.getKey())
                        .toIterable()
                        .anyMatch(status -> status.startsWith("2"))));
    }

    /** Collects the path patterns of the router's routes. */
    private static final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {
        private final Set<String> paths;

        RouteCollector(Set<String> paths) {
            this.paths = paths;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            predicate.accept(this);
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void startNested(RequestPredicate predicate) {}

        @Override
        public void endNested(RequestPredicate predicate) {}

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {}

        @Override
        public void attributes(Map<String, Object> attributes) {}

        @Override
        public void unknown(RouterFunction<?> routerFunction) {}

        @Override
        public void method(Set<HttpMethod> methods) {}

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void header(String name, String value) {}

        @Override
        public void queryParam(String name, String value) {}

        @Override
        public void startAnd() {}

        @Override
        public void and() {}

        @Override
        public void endAnd() {}

        @Override
        public void startOr() {}

        @Override
        public void or() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(RequestPredicate predicate) {}
    }
}
