package org.srmap.server;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** CORS open for reading: any page may embed the tiles and read the API. */
@Configuration(proxyBeanMethods = false)
class CorsConfig {
    @Bean
    CorsWebFilter corsWebFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.addAllowedHeader("*");
        cors.setExposedHeaders(List.of("ETag", "Srmap-Tile-Capped"));
        cors.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
