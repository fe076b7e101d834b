package org.srmap.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.problem.HttpProblem;
import org.srmap.server.problem.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Lets a request through to an admin action only with {@code Authorization: Bearer <token>} of the
 * configured token (compared in constant time); 401 without it, 404 when no token is configured.
 */
public final class BearerToken implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(BearerToken.class);
    private static final String CHALLENGE = "Bearer realm=\"srmap admin\"";
    private static final String PREFIX = "Bearer ";

    private final byte[] digest;

    public BearerToken(AdminSettings settings) {
        this.digest = settings.enabled() ? sha256(settings.token()) : null;
        LOG.info(
                settings.enabled()
                        ? "admin actions enabled at /admin (bearer token)"
                        : "admin actions disabled: no srmap.admin.token is set");
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (digest == null) {
            throw new NotFoundException(
                    "admin actions are disabled on this server: set srmap.admin.token (SRMAP_ADMIN_TOKEN) to enable them");
        }
        String given = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (given == null || !given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new HttpProblem(
                    HttpStatus.UNAUTHORIZED,
                    "admin actions need the header Authorization: Bearer <srmap.admin.token>",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
        }
        if (!MessageDigest.isEqual(
                digest, sha256(given.substring(PREFIX.length()).strip()))) {
            LOG.warn(
                    "refused {} {} from {}: wrong bearer token",
                    request.method(),
                    request.path(),
                    request.remoteAddress().map(Object::toString).orElse("?"));
            throw new HttpProblem(
                    HttpStatus.UNAUTHORIZED,
                    "the bearer token is not this server's srmap.admin.token",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\""));
        }
        return next.handle(request);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
