package org.srmap.server.privacy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Where a request is shown, as SQL over {@code service_request} aliased {@code s}, and the code that
 * binds it. Each fragment takes the generalised types as its one parameter ({@code ?::text[]}, upper
 * case: {@link PrivacySettings#generalisedTypes()}; empty when privacy is off), bound by {@link
 * #bindTypes}.
 */
public final class PrivacySql {
    private PrivacySql() {}

    /** Whether the request is generalised. */
    public static final String GENERALISED = "(upper(s.complaint_type) = ANY (?::text[]))";

    /**
     * The point a request is shown at: for a generalised one, the centre of its resolution-10 cell
     * from {@code h3_centre}, else nothing (NULL: never its own point); for any other, its own point.
     */
    public static final String POINT = "(CASE WHEN " + GENERALISED
            + " THEN (SELECT c.geom FROM h3_centre c WHERE c.cell = s.h3_r10) ELSE s.geom END)";

    /**
     * The address a request is shown with: for a generalised one, its street without the house
     * number (the published street name, else the address less a leading number such as 123, 12A,
     * 12-34 or 1/2), else its address as published.
     */
    public static final String ADDRESS = "(CASE WHEN " + GENERALISED
            + " THEN coalesce(nullif(btrim(s.street_name), ''),"
            + " nullif(regexp_replace(btrim(s.incident_address), '^[0-9][0-9A-Za-z/-]*\\s+', ''), ''))"
            + " ELSE s.incident_address END)";

    /**
     * How many requests of the generalised types have a point but no cell centre to show instead:
     * the server shows them without a point (load-reference fills h3_centre). Parameter: the types.
     */
    static final String MISSING_CENTRES =
            """
            SELECT count(*) FROM service_request s
             WHERE s.geom IS NOT NULL AND upper(s.complaint_type) = ANY (?::text[])
               AND NOT EXISTS (SELECT 1 FROM h3_centre c WHERE c.cell = s.h3_r10)""";

    /**
     * How far, in degrees of longitude, a point of New York may lie from its resolution-10 cell's
     * centre, rounded up (measured over every cell of the city's box: 0.000916; {@code
     * CellMarginsTest}). A search for the points shown in a box reads the requests in the box grown
     * by this much, then keeps those whose shown point is in the box.
     */
    public static final double MARGIN_LON_DEGREES = 0.0011;

    /** The same in degrees of latitude (measured: 0.000640). */
    public static final double MARGIN_LAT_DEGREES = 0.0008;

    /** Binds the generalised types at {@code index}; returns the next index. */
    public static int bindTypes(PreparedStatement ps, int index, PrivacySettings privacy) throws SQLException {
        ps.setObject(
                index,
                ps.getConnection()
                        .createArrayOf("text", privacy.generalisedTypes().toArray()),
                Types.ARRAY);
        return index + 1;
    }

    /** The longitude margin of a search box: {@link #MARGIN_LON_DEGREES}, or 0 when nothing is generalised. */
    public static double marginLon(PrivacySettings privacy) {
        return privacy.generalisedTypes().isEmpty() ? 0 : MARGIN_LON_DEGREES;
    }

    /** The latitude margin of a search box: {@link #MARGIN_LAT_DEGREES}, or 0 when nothing is generalised. */
    public static double marginLat(PrivacySettings privacy) {
        return privacy.generalisedTypes().isEmpty() ? 0 : MARGIN_LAT_DEGREES;
    }
}
