package org.srmap.server.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal other than bad input or a missing resource, answered as problem+json with its status
 * and headers: 401 with {@code WWW-Authenticate}, 409, 429 with {@code Retry-After}.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient Map<String, String> headers;

    public HttpProblem(HttpStatus status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        if (!status.is4xxClientError()) {
            throw new IllegalArgumentException("an HttpProblem is a 4xx, was " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
