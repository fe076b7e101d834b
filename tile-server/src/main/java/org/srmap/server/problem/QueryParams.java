package org.srmap.server.problem;

import java.util.List;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Checks of a route's query parameters that every handler makes the same way. */
public final class QueryParams {
    private QueryParams() {}

    /**
     * Fails with a {@link BadRequestException} naming the first parameter that is not one of {@code
     * names}, or one of them given more than once.
     */
    public static void only(ServerRequest request, String... names) {
        List<String> allowed = List.of(names);
        for (String name : request.queryParams().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadRequestException(
                        name,
                        "unknown parameter '" + name + "'; "
                                + (allowed.isEmpty()
                                        ? "this route takes none"
                                        : "this route takes " + String.join(", ", allowed)));
            }
        }
        for (String name : allowed) {
            List<String> values = request.queryParams().get(name);
            if (values != null && values.size() > 1) {
                throw new BadRequestException(name, name + " may be given once, was given " + values.size() + " times");
            }
        }
    }
}
