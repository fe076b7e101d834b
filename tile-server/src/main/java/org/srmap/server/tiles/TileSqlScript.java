package org.srmap.server.tiles;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.srmap.server.ServerSettings;
import org.srmap.server.filter.Filter;
import org.srmap.server.privacy.PrivacySettings;

/**
 * Prints the statement the server runs for one layer at one zoom as a pgbench command: every
 * parameter as the SQL literal the server binds, except the tile's x and y, which become the
 * pgbench variables {@code :x} and {@code :y} wherever they are bound (each time right after the
 * tile's z). So the benchmark's floor (pgbench straight against
 * PostgreSQL) runs the very SQL of the server, bound by the same code, with the default privacy
 * settings.
 *
 * <p>Usage: {@code TileSqlScript LAYER Z FROM TO [CAP]} (dates as yyyy-mm-dd, CAP default the server's).
 */
public final class TileSqlScript {
    private TileSqlScript() {}

    public static void main(String[] args) throws SQLException {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: TileSqlScript LAYER Z FROM TO [CAP]");
            System.exit(2);
        }
        Layer layer = Layer.valueOf(args[0].toUpperCase(Locale.ROOT));
        int z = Integer.parseInt(args[1]);
        Filter filter =
                new Filter(null, List.of(), LocalDate.parse(args[2]), LocalDate.parse(args[3]), null, List.of(), null);
        int cap = Integer.parseInt(args.length == 5 ? args[4] : ServerSettings.DEFAULT_REQUESTS_CAP);
        System.out.print(script(layer, z, filter, cap));
    }

    /** The pgbench script of a layer at zoom z for the filter: one statement, or the requests' two. */
    static String script(Layer layer, int z, Filter filter, int cap) throws SQLException {
        StringBuilder out = new StringBuilder();
        // a tile whose x and y no other parameter takes (checked), to find where they are bound
        TileCoord tile = new TileCoord(z, (1 << z) - 7, (1 << z) - 5);
        if (layer != Layer.REQUESTS) {
            return out.append(bound(TileRepository.query(layer, tile, filter), tile))
                    .append(";\n")
                    .toString();
        }
        // the server's two statements: the probe, then the sample it picks (TileRepository.sampleRate)
        out.append(bound(TileRepository.probe(tile, filter, cap), tile)).append(" \\gset probe_\n");
        int sparsest = TileSql.SAMPLES.get(TileSql.SAMPLES.size() - 1);
        for (int k = 0; k < TileSql.SAMPLES.size(); k++) {
            int oneIn = TileSql.SAMPLES.get(k);
            if (k == TileSql.SAMPLES.size() - 1) {
                out.append("\\else\n");
            } else {
                out.append(String.format(
                        Locale.ROOT,
                        "\\%s :probe_matching * %d <= %d and :probe_reads * %d <= %d\n",
                        k == 0 ? "if" : "elif",
                        sparsest,
                        (long) cap * oneIn,
                        sparsest,
                        (long) cap * TileRepository.READ_PER_CAP * oneIn));
            }
            out.append(bound(TileRepository.requests(tile, filter, cap, oneIn, PrivacySettings.defaults()), tile))
                    .append(";\n");
        }
        return out.append("\\endif\n").toString();
    }

    /** The query's SQL with its parameters as literals, the tile's x and y as {@code :x} and {@code :y}. */
    private static String bound(TileQuery query, TileCoord tile) throws SQLException {
        Map<Integer, String> literals = record(query);
        String zValue = Integer.toString(tile.z());
        for (Map.Entry<Integer, String> e : literals.entrySet()) {
            int index = e.getKey();
            boolean x = e.getValue().equals(Integer.toString(tile.x()));
            boolean y = e.getValue().equals(Integer.toString(tile.y()));
            if ((x && !zValue.equals(literals.get(index - 1))) || (y && !zValue.equals(literals.get(index - 2)))) {
                throw new IllegalStateException("parameter " + index + " takes the tile's x or y but not after its z");
            }
            if (x || y) {
                e.setValue(x ? ":x" : ":y");
            }
        }
        return render(query.sql(), literals);
    }

    /** The SQL with its i-th {@code ?} replaced by {@code literals.get(i)}. */
    static String render(String sql, Map<Integer, String> literals) {
        StringBuilder out = new StringBuilder(sql.length() + 256);
        int index = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                index++;
                String literal = literals.get(index);
                if (literal == null) {
                    throw new IllegalStateException("parameter " + index + " was not bound");
                }
                out.append(literal);
            } else {
                out.append(c);
            }
        }
        if (index != literals.size()) {
            throw new IllegalStateException("bound " + literals.size() + " parameters, the SQL has " + index);
        }
        return out.toString();
    }

    /** The literals the query's binder sets, by parameter index. */
    private static Map<Integer, String> record(TileQuery query) throws SQLException {
        Map<Integer, String> literals = new TreeMap<>();
        Connection connection = (Connection) Proxy.newProxyInstance(
                TileSqlScript.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createArrayOf")) {
                        return arrayLiteral((Object[]) args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(
                TileSqlScript.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getConnection" -> {
                            return connection;
                        }
                        case "setNull" -> literals.put((Integer) args[0], "NULL");
                        case "setInt", "setLong", "setString", "setObject", "setBoolean", "setDouble" ->
                            literals.put(
                                    (Integer) args[0],
                                    literal(args[1], args.length > 2 ? (Integer) args[2] : Types.OTHER));
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        query.binder().setValues(ps);
        return literals;
    }

    private static String literal(Object value, int sqlType) {
        if (value == null) {
            return "NULL";
        } else if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof java.sql.Array a) {
            return a.toString();
        } else if (value instanceof LocalDate || value instanceof String || sqlType == Types.DATE) {
            return quote(value.toString());
        }
        throw new IllegalArgumentException("no literal for " + value.getClass());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** An array parameter whose toString is its quoted array literal (the SQL casts it). */
    private static java.sql.Array arrayLiteral(Object[] elements) {
        String literal = quote(Arrays.stream(elements)
                .map(e ->
                        e instanceof Number ? e.toString() : "\"" + e.toString().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}")));
        return (java.sql.Array) Proxy.newProxyInstance(
                TileSqlScript.class.getClassLoader(), new Class<?>[] {java.sql.Array.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return literal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
