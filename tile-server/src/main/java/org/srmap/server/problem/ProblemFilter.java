package org.srmap.server.problem;

import java.net.URI;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.server.query.OverdueException;
import reactor.core.publisher.Mono;

/**
 * Maps a handler's {@link BadRequestException} to 400 application/problem+json with the parameter
 * named in a {@code parameter} member, {@link NotFoundException} to 404, an {@link HttpProblem} to its
 * status (401, 409, 429), a database that cannot be
 * reached or no free connection within the statement timeout to 503 with Retry-After, and a query
 * cut by the statement timeout to 504. Anything else is a fault of the server and goes on to Spring's
 * handler, which answers 500 problem+json without a stack trace.
 */
public final class ProblemFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Mono.defer(() -> {
                    try {
                        return next.handle(request);
                    } catch (BadRequestException | NotFoundException | HttpProblem e) {
                        return Mono.error(e);
                    }
                })
                .onErrorResume(BadRequestException.class, e -> badRequest(request, e))
                .onErrorResume(NotFoundException.class, e -> notFound(request, e))
                .onErrorResume(HttpProblem.class, e -> refused(request, e))
                .onErrorResume(
                        DataAccessResourceFailureException.class,
                        e -> unavailable(request, "the database cannot be reached; try again shortly"))
                .onErrorResume(
                        QueryTimeoutException.class,
                        e -> timedOut(
                                request, "the query took longer than the server allows (srmap.statement-timeout)"))
                .onErrorResume(
                        OverdueException.class,
                        e -> e.started() ? timedOut(request, e.getMessage()) : unavailable(request, e.getMessage()));
    }

    static Mono<ServerResponse> refused(ServerRequest request, HttpProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> e.headers().forEach(h::set))
                .bodyValue(problem);
    }

    /** 504: the query ran out of time and was cancelled. */
    static Mono<ServerResponse> timedOut(ServerRequest request, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, detail);
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(HttpStatus.GATEWAY_TIMEOUT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    static Mono<ServerResponse> notFound(ServerRequest request, NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    /** 503: the server is fine but its database is not, for now. */
    static Mono<ServerResponse> unavailable(ServerRequest request, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .bodyValue(problem);
    }

    static Mono<ServerResponse> badRequest(ServerRequest request, BadRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request: " + e.parameter());
        problem.setInstance(URI.create(request.path()));
        problem.setProperty("parameter", e.parameter());
        return ServerResponse.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }
}
