package org.srmap.server.geocode;

import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.srmap.geocoder.address.AddressKey;
import org.srmap.geocoder.address.AddressNormalizer;
import org.srmap.server.problem.BadRequestException;
import org.srmap.server.problem.NotFoundException;
import org.srmap.server.problem.QueryParams;
import org.srmap.server.query.Queries;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/geocode?address=&zip=|borough=} (an address to the gazetteer's point, with the
 * ingest's normalisation) and {@code GET /api/geocode/reverse?lat=&lon=}: parse, query, respond.
 */
@Component
public final class GeocodeHandler {
    private final GeocodeRepository repository;
    private final Queries queries;

    public GeocodeHandler(GeocodeRepository repository, Queries queries) {
        this.repository = repository;
        this.queries = queries;
    }

    public Mono<ServerResponse> address(ServerRequest request) {
        QueryParams.only(request, "address", "zip", "borough");
        String address = text(request, "address", true);
        String zip = text(request, "zip", false);
        String borough = text(request, "borough", false);
        if (zip == null && borough == null) {
            throw new BadRequestException("zip", "give the address's zip or its borough");
        }
        Optional<AddressKey> key = AddressNormalizer.normalize(address, zip, borough);
        if (key.isEmpty()) {
            throw new BadRequestException(
                    "address",
                    "'" + address + "' is not a house address in the "
                            + (zip != null ? "ZIP code " + zip : "borough " + borough)
                            + " (a house number and a street; intersections and places have none)");
        }
        String zipKey = key.get().compact();
        String boroughKey = AddressNormalizer.inBorough(key.get(), borough)
                .map(AddressKey::compact)
                .orElse(null);
        return queries.run(() -> repository.address(zipKey, boroughKey))
                .flatMap(found -> found.map(m -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(m))
                        .orElseThrow(() -> new NotFoundException("no point is known for " + zipKey
                                + (boroughKey == null || boroughKey.equals(zipKey) ? "" : " nor " + boroughKey))));
    }

    public Mono<ServerResponse> reverse(ServerRequest request) {
        QueryParams.only(request, "lat", "lon");
        double lat = coordinate(request, "lat", 90);
        double lon = coordinate(request, "lon", 180);
        return queries.run(() -> repository.reverse(lat, lon)).flatMap(place -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(place));
    }

    private static String text(ServerRequest request, String name, boolean required) {
        String value = request.queryParam(name).map(String::trim).orElse("");
        if (value.isEmpty()) {
            if (required) {
                throw new BadRequestException(name, name + " is required");
            }
            return null;
        }
        return value;
    }

    private static double coordinate(ServerRequest request, String name, double limit) {
        String value = text(request, name, true);
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be a number, was '" + value + "'");
        }
        if (!(Math.abs(v) <= limit)) {
            throw new BadRequestException(
                    name, name + " must be -" + (int) limit + ".." + (int) limit + ", was " + value);
        }
        return v;
    }
}
