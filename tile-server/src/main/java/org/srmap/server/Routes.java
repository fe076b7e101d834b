package org.srmap.server;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.srmap.server.admin.AdminHandler;
import org.srmap.server.admin.AdminSettings;
import org.srmap.server.admin.BearerToken;
import org.srmap.server.geocode.GeocodeHandler;
import org.srmap.server.meta.MetaHandler;
import org.srmap.server.open311.Open311Handler;
import org.srmap.server.page.OEmbedHandler;
import org.srmap.server.page.PageHandler;
import org.srmap.server.places.PlacesHandler;
import org.srmap.server.problem.ProblemFilter;
import org.srmap.server.requests.RequestHandler;
import org.srmap.server.security.RateLimits;
import org.srmap.server.siting.SitingHandler;
import org.srmap.server.stats.StatsHandler;
import org.srmap.server.tiles.TileHandler;
import org.srmap.server.tiles.TileJsonHandler;

/**
 * Every HTTP route of the server, in one table; the expensive ones behind their {@link RateLimits},
 * the operators' behind a {@link BearerToken}.
 */
@Configuration(proxyBeanMethods = false)
class Routes {
    /** Ahead of Actuator's endpoint mapping (order -100). */
    static final int ROUTES_FIRST = -200;

    /**
     * Puts the table ahead of Actuator's endpoints: Spring asks each handler mapping in order, and
     * Actuator's, first by default, matched every tile request against each of its endpoints before
     * the routes were tried (9% of the event loop's time on an uncached tile). No route matches an
     * Actuator path, so the order changes no answer.
     */
    @Bean
    static BeanPostProcessor routesFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping mapping) {
                    mapping.setOrder(ROUTES_FIRST);
                }
                return bean;
            }
        };
    }

    @Bean
    RouterFunction<ServerResponse> router(
            TileHandler tiles,
            TileJsonHandler tileJson,
            RequestHandler requests,
            StatsHandler stats,
            GeocodeHandler geocode,
            Open311Handler open311,
            MetaHandler meta,
            PlacesHandler places,
            PageHandler page,
            OEmbedHandler oembed,
            SitingHandler siting,
            AdminHandler admin,
            AdminSettings adminSettings,
            RateLimits limits) {
        return RouterFunctions.route()
                .GET("/", page::index)
                .GET("/embed", page::embed)
                .GET("/district/{boroCd}", page::district)
                .GET("/oembed", oembed::oembed)
                .GET("/api/meta", meta::meta)
                .GET("/api/places/boroughs", places::boroughs)
                .GET("/api/places/districts", places::districts)
                .add(RouterFunctions.route()
                        .GET("/open311/v2/{file}", open311::resource)
                        .GET("/open311/v2/{collection}/{file}", open311::item)
                        .filter(limits.exports())
                        .build())
                .GET("/api/geocode", geocode::address)
                .GET("/api/geocode/reverse", geocode::reverse)
                .add(RouterFunctions.route()
                        .GET("/api/stats", stats::stats)
                        .filter(limits.stats())
                        .build())
                .GET("/api/requests/{id}", requests::byKey)
                .GET("/api/requests", requests::nearby)
                .add(RouterFunctions.route()
                        .GET("/api/siting", siting::siting)
                        .POST("/api/siting", siting::upload)
                        .filter(limits.siting())
                        .build())
                .add(RouterFunctions.route()
                        .POST("/admin/cache/purge", admin::purge)
                        .POST("/admin/reload", admin::reload)
                        .POST("/admin/ingest", admin::startIngest)
                        .GET("/admin/ingest", admin::ingestStatus)
                        .filter(new BearerToken(adminSettings))
                        .build())
                .GET("/tiles", tileJson::catalog)
                .GET("/tiles/{layers}.json", tileJson::tileJson)
                .GET("/tiles/{layers}/{z}/{x}/{y}.mvt", tiles::tile)
                .filter(new ProblemFilter())
                .build();
    }
}
