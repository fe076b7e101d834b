package org.srmap.server.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srmap.server.problem.BadRequestException;

/** Reads a GeoReport {@code GET requests} query: validated, with the spec's defaults. */
final class Open311Query {
    /** Days a search without dates looks back. */
    static final int DEFAULT_DAYS = 90;

    private Open311Query() {}

    static RequestSearch parse(
            Map<String, List<String>> query,
            Set<String> names,
            Map<String, Open311Repository.Service> services,
            Instant now) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new BadRequestException(e.getKey(), "unknown parameter '" + e.getKey() + "'");
            }
            if (e.getValue().size() > 1) {
                throw new BadRequestException(
                        e.getKey(),
                        e.getKey() + " may be given once (lists are comma-separated), was given "
                                + e.getValue().size() + " times");
            }
        }
        int page = (int) number(query, "page", 1, 1, 10_000);
        int pageSize =
                (int) number(query, "page_size", Open311Handler.DEFAULT_PAGE_SIZE, 1, Open311Handler.MAX_PAGE_SIZE);
        List<String> ids = list(query, "service_request_id");
        if (!ids.isEmpty()) { // the spec: service_request_id overrides every other argument
            List<Long> keys = new ArrayList<>();
            for (String id : ids) {
                try {
                    keys.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    throw new BadRequestException(
                            "service_request_id", "service_request_id must be numbers, was '" + id + "'");
                }
            }
            return new RequestSearch(
                    keys, List.of(), null, null, null, null, null, null, 1, Math.max(pageSize, keys.size()));
        }
        List<String> codes = list(query, "service_code");
        for (String c : codes) {
            if (!services.containsKey(c)) {
                throw new BadRequestException("service_code", "no service '" + c + "' (see services.json)");
            }
        }
        Instant start = datetime(query, "start_date");
        Instant end = datetime(query, "end_date");
        if (start == null && end == null) {
            end = now;
            start = now.minus(DEFAULT_DAYS, ChronoUnit.DAYS);
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadRequestException("start_date", "start_date must not be after end_date");
        }
        String status = null;
        List<String> statuses = list(query, "status");
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw new BadRequestException("status", "status must be open, closed or both, was '" + s + "'");
            }
        }
        if (statuses.size() == 1 || statuses.stream().distinct().count() == 1) {
            status = statuses.isEmpty() ? null : statuses.get(0);
        }
        RequestSearch.Box box = box(query);
        RequestSearch.Circle circle = circle(query);
        if (box != null && circle != null) {
            throw new BadRequestException("bbox", "give bbox or lat, long and radius, not both");
        }
        if (circle != null) { // a box around the circle lets the spatial index pick candidates
            double dlat = circle.radius() / 110_000;
            double dlon = dlat / Math.cos(Math.toRadians(Math.min(89, Math.abs(circle.lat()) + dlat)));
            box = new RequestSearch.Box(
                    circle.lon() - dlon, circle.lat() - dlat, circle.lon() + dlon, circle.lat() + dlat);
        }
        return new RequestSearch(
                List.of(),
                Open311Repository.types(services, codes),
                start,
                end,
                status,
                datetime(query, "updated_after"),
                box,
                circle,
                page,
                pageSize);
    }

    private static List<String> list(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return List.of();
        }
        return List.of(values.get(0).split(",", -1));
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).trim();
    }

    private static Instant datetime(Map<String, List<String>> query, String name) {
        String v = single(query, name);
        return v == null ? null : datetime(name, v);
    }

    private static double number(Map<String, List<String>> query, String name, double absent, double min, double max) {
        String v = single(query, name);
        if (v == null) {
            return absent;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, name + " must be a number, was '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new BadRequestException(name, name + " must be " + fmt(min) + ".." + fmt(max) + ", was " + v);
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static RequestSearch.Box box(Map<String, List<String>> query) {
        String v = single(query, "bbox");
        if (v == null) {
            return null;
        }
        String[] parts = v.split(",", -1);
        if (parts.length != 4) {
            throw new BadRequestException("bbox", "bbox must be west,south,east,north in degrees, was '" + v + "'");
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("bbox", "bbox must be west,south,east,north in degrees, was '" + v + "'");
            }
        }
        if (!(d[0] < d[2] && d[1] < d[3] && d[0] >= -180 && d[2] <= 180 && d[1] >= -90 && d[3] <= 90)) {
            throw new BadRequestException("bbox", "bbox must have west < east and south < north, was '" + v + "'");
        }
        return new RequestSearch.Box(d[0], d[1], d[2], d[3]);
    }

    private static RequestSearch.Circle circle(Map<String, List<String>> query) {
        boolean any = single(query, "lat") != null || single(query, "long") != null || single(query, "radius") != null;
        if (!any) {
            return null;
        }
        for (String name : List.of("lat", "long", "radius")) {
            if (single(query, name) == null) {
                throw new BadRequestException(name, "lat, long and radius go together; " + name + " is missing");
            }
        }
        return new RequestSearch.Circle(
                number(query, "long", 0, -180, 180),
                number(query, "lat", 0, -90, 90),
                number(query, "radius", 0, 1, Open311Handler.MAX_RADIUS));
    }

    private static Instant datetime(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    name,
                    name + " must be a w3c datetime with a zone, e.g. 2024-01-31T00:00:00-05:00, was '" + value + "'");
        }
    }
}
