package org.srmap.server.siting;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.filter.Filter;
import org.srmap.server.filter.FilterSql;
import org.srmap.siting.points.Point;

/** Reads siting demand and candidate sites. Blocking: call it on the JDBC scheduler. */
@Component
public final class SitingRepository {
    private final JdbcTemplate jdbc;

    public SitingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter's requests aggregated to the query's units, weighted as it asks. */
    Demand demand(SitingQuery q, Filter f) {
        long[] counts = jdbc.query(SitingSql.COUNTS, ps -> FilterSql.bindRequests(ps, 1, f), rs -> {
            rs.next();
            return new long[] {rs.getLong("requests"), rs.getLong("unplaced")};
        });
        List<Point> units = new ArrayList<>();
        Map<String, Integer> borough = new HashMap<>();
        long placedInUnits = 0;
        if (q.unit() == SitingQuery.Unit.H3) {
            placedInUnits = cells(q, f, units, borough);
        } else {
            String sql = q.unit() == SitingQuery.Unit.DISTRICT ? SitingSql.BY_DISTRICT : SitingSql.BY_TRACT;
            long[] inUnits = {0};
            jdbc.query(sql, (PreparedStatement ps) -> FilterSql.bindRequests(ps, 1, f), rs -> {
                String id = rs.getString("unit");
                long n = rs.getLong("complaints");
                inUnits[0] += n;
                double w = weight(q, n, rs.getLong("buildings"), rs.getLong("population"));
                units.add(new Point(id, rs.getDouble("lat"), rs.getDouble("lon"), w, Double.POSITIVE_INFINITY));
                borough.put(id, rs.getInt("boro_cd") / 100);
            });
            placedInUnits = inUnits[0];
        }
        long placed = counts[0] - counts[1];
        return new Demand(units, borough, counts[0], counts[1], placed - placedInUnits);
    }

    /** Cells at the query's resolution; returns how many requests they hold. */
    private long cells(SitingQuery q, Filter f, List<Point> units, Map<String, Integer> borough) {
        Map<Long, long[]> complaints = new LinkedHashMap<>(); // cell -> {requests, buildings}
        Map<Long, Set<String>> buildings = new HashMap<>();
        Map<Long, Map<Integer, Long>> boroughs = new HashMap<>();
        jdbc.query(SitingSql.BY_CELL, (PreparedStatement ps) -> FilterSql.bindRequests(ps, 1, f), rs -> {
            long cell = H3Cells.parent(rs.getLong("cell"), q.res());
            long n = rs.getLong("n");
            int boro = rs.getInt("boro_cd") / 100;
            complaints.computeIfAbsent(cell, c -> new long[2])[0] += n;
            buildings.computeIfAbsent(cell, c -> new HashSet<>()).add(rs.getString("building"));
            boroughs.computeIfAbsent(cell, c -> new HashMap<>()).merge(boro, n, Long::sum);
        });
        double[] population = q.weights().contains(SitingQuery.Weight.POPULATION)
                ? cellPopulation(new ArrayList<>(complaints.keySet()))
                : new double[complaints.size()];
        long total = 0;
        int index = 0;
        for (Map.Entry<Long, long[]> e : complaints.entrySet()) {
            long cell = e.getKey();
            long n = e.getValue()[0];
            total += n;
            String id = Long.toHexString(cell);
            LonLat c = H3Cells.center(cell);
            units.add(new Point(
                    id,
                    c.lat(),
                    c.lon(),
                    weight(q, n, buildings.get(cell).size(), population[index++]),
                    Double.POSITIVE_INFINITY));
            borough.put(
                    id,
                    boroughs.get(cell).entrySet().stream()
                            .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                            .orElseThrow()
                            .getKey());
        }
        return total;
    }

    private static double weight(SitingQuery q, long complaints, long buildings, double population) {
        double w = 1;
        for (SitingQuery.Weight weight : q.weights()) {
            w *= switch (weight) {
                case COMPLAINTS -> complaints;
                case BUILDINGS -> buildings;
                case POPULATION -> population;
            };
        }
        return w;
    }

    /** The candidate facilities of the query's kinds (not {@code cells}), with their names by id. */
    List<Point> facilities(SitingQuery q, Map<String, String> names) {
        List<String> kinds = q.sites().stream().filter(k -> !k.equals("cells")).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SitingSql.FACILITIES,
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", kinds.toArray()));
                    ps.setBoolean(2, q.wheelchair());
                    ps.setBoolean(3, q.weekend());
                },
                (rs, i) -> {
                    String id = rs.getString("facility_id");
                    names.put(id, rs.getString("name"));
                    return Point.of(id, rs.getDouble("lat"), rs.getDouble("lon"));
                });
    }

    /** The borough of each point that lies in one, by id; the others are left out. */
    Map<String, Integer> boroughs(List<Point> points) {
        Map<String, Integer> borough = new HashMap<>();
        jdbc.query(
                SitingSql.BOROUGHS_OF_POINTS,
                ps -> {
                    ps.setArray(
                            1,
                            ps.getConnection()
                                    .createArrayOf(
                                            "float8",
                                            points.stream().map(Point::lon).toArray()));
                    ps.setArray(
                            2,
                            ps.getConnection()
                                    .createArrayOf(
                                            "float8",
                                            points.stream().map(Point::lat).toArray()));
                },
                rs -> {
                    borough.putIfAbsent(points.get(rs.getInt("i") - 1).id(), rs.getInt("boro_code"));
                });
        return borough;
    }

    /** Each cell's 2020 population, shared from the census tracts by area (0 over water). */
    private double[] cellPopulation(List<Long> cells) {
        String[] wkt = new String[cells.size()];
        for (int i = 0; i < wkt.length; i++) {
            StringBuilder b = new StringBuilder("POLYGON((");
            List<LonLat> ring = H3Cells.boundary(cells.get(i));
            for (LonLat p : ring) {
                b.append(p.lon()).append(' ').append(p.lat()).append(',');
            }
            b.append(ring.get(0).lon()).append(' ').append(ring.get(0).lat()).append("))");
            wkt[i] = b.toString();
        }
        double[] population = new double[cells.size()];
        jdbc.query(
                SitingSql.CELL_POPULATION,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", wkt)),
                rs -> {
                    population[rs.getInt("i") - 1] = rs.getDouble("population");
                });
        return population;
    }
}
