package org.srmap.ingest.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.h3.H3Cells;

/**
 * The centres of the resolution-10 H3 cells ({@link H3Cells#POINT_RES}, the cell every placed
 * request stores as {@code h3_r10}) of the box every placed point lies in, widened by {@link
 * #MARGIN_DEGREES}: the tile server shows a request of a sensitive type at its cell's centre. A
 * point's cell has its centre within 0.001 degrees of it, so the margin holds every cell a point of
 * the box can fall in. About 216,000 cells, written by COPY (PostgreSQL has no H3).
 */
final class CellCentres {
    /** Ten times the farthest a point of New York lies from its resolution-10 cell's centre. */
    static final double MARGIN_DEGREES = 0.01;

    /** Rows sent to COPY at a time. */
    private static final int CHUNK = 20_000;

    private CellCentres() {}

    /** Inserts the centres in the caller's transaction (the table was emptied with the reference data). */
    static int load(Connection c) throws SQLException, IOException {
        List<Long> cells = HexbinCells.ofTheCity(H3Cells.POINT_RES, MARGIN_DEGREES);
        PGConnection pg = c.unwrap(PGConnection.class);
        StringBuilder rows = new StringBuilder(CHUNK * 64);
        for (int i = 0; i < cells.size(); i++) {
            long cell = cells.get(i);
            LonLat centre = H3Cells.center(cell);
            // EWKT with the shortest decimal that reads back as the same double
            rows.append(cell)
                    .append("\tSRID=4326;POINT(")
                    .append(centre.lon())
                    .append(' ')
                    .append(centre.lat())
                    .append(")\n");
            if ((i + 1) % CHUNK == 0 || i == cells.size() - 1) {
                try (Reader in = new StringReader(rows.toString())) {
                    pg.getCopyAPI().copyIn(ReferenceSql.COPY_H3_CENTRE, in);
                }
                rows.setLength(0);
            }
        }
        return cells.size();
    }
}
