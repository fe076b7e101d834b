package org.srmap.ingest.reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.srmap.geocoder.district.BoroughShape;
import org.srmap.geocoder.district.DistrictShape;
import org.srmap.geocoder.district.Districts;

/** Reads the loaded district and borough polygons back from PostGIS for the ingest's lookups. */
public final class ReferenceGeography {
    private static final String DISTRICTS =
            "SELECT boro_cd, ST_AsBinary(geom) FROM community_district ORDER BY boro_cd";
    private static final String BOROUGHS = "SELECT boro_code, name, ST_AsBinary(geom) FROM borough ORDER BY boro_code";

    private ReferenceGeography() {}

    /**
     * The districts and boroughs in the database. Throws {@link IllegalStateException} with what to
     * do when none are loaded.
     */
    public static Districts districts(Connection c) throws SQLException {
        WKBReader wkb = new WKBReader();
        List<DistrictShape> districts = new ArrayList<>();
        List<BoroughShape> boroughs = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(DISTRICTS)) {
                while (rs.next()) {
                    districts.add(new DistrictShape(rs.getInt(1), wkb.read(rs.getBytes(2))));
                }
            }
            try (ResultSet rs = st.executeQuery(BOROUGHS)) {
                while (rs.next()) {
                    boroughs.add(new BoroughShape(rs.getInt(1), rs.getString(2), wkb.read(rs.getBytes(3))));
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", e);
        }
        if (districts.isEmpty()) {
            throw new NoReferenceDataException("no community districts are loaded: run ./srmap load-reference DIR"
                    + " first (DIR laid out like ../shared/data)");
        }
        return Districts.of(districts, boroughs);
    }
}
