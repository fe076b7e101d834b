package org.srmap.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.geocode.GeocodeHandler;
import org.srmap.server.open311.Open311Handler;
import org.srmap.server.problem.ProblemFilter;
import org.srmap.server.requests.RequestHandler;
import org.srmap.server.stats.StatsHandler;
import org.srmap.server.tiles.TileHandler;
import org.srmap.server.tiles.TileJsonHandler;

/** Every HTTP route of the server, in one table. */
@Configuration(proxyBeanMethods = false)
class Routes {
    @Bean
    RouterFunction<ServerResponse> router(
            TileHandler tiles,
            TileJsonHandler tileJson,
            RequestHandler requests,
            StatsHandler stats,
            GeocodeHandler geocode,
            Open311Handler open311) {
        return RouterFunctions.route()
                .GET("/open311/v2/{file}", open311::resource)
                .GET("/open311/v2/{collection}/{file}", open311::item)
                .GET("/api/geocode", geocode::address)
                .GET("/api/geocode/reverse", geocode::reverse)
                .GET("/api/stats", stats::stats)
                .GET("/api/requests/{id}", requests::byKey)
                .GET("/api/requests", requests::nearby)
                .GET("/tiles", tileJson::catalog)
                .GET("/tiles/{layers}.json", tileJson::tileJson)
                .GET("/tiles/{layers}/{z}/{x}/{y}.mvt", tiles::tile)
                .filter(new ProblemFilter())
                .build();
    }
}
