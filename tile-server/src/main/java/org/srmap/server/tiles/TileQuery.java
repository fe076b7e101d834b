package org.srmap.server.tiles;

import java.util.Objects;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * One layer's statement with what binds its parameters.
 *
 * @param sql a constant of {@link TileSql}
 * @param binder sets every parameter, 1-3 being the tile's z, x and y
 */
record TileQuery(String sql, PreparedStatementSetter binder) {
    TileQuery {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(binder, "binder");
    }
}
