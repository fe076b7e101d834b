package org.srmap.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.server.privacy.PrivacySettings;
import org.srmap.sql.Database;

/**
 * A small city for the server's tests, built in Java so that tests can compute what every answer
 * should be without the server's SQL: three districts side by side (101 and 102 with residents, 164
 * a park without), 900 requests on a grid across them and 60 without a point, counted in the
 * district they report, created over a hundred days across four months; a borough and a
 * neighbourhood over them; one address in the gazetteer; the centres of the requests'
 * resolution-10 cells (half the requests are of types the privacy settings generalise by default).
 * The rollups are refreshed by the database's own function.
 */
public final class Fixture {
    /** A district: a lon/lat rectangle. */
    public record District(int boroCd, int population, double west, double south, double east, double north) {
        boolean contains(double lon, double lat) {
            return lon >= west && lon < east && lat >= south && lat < north;
        }
    }

    /**
     * One service request as the fixture made it.
     *
     * @param lon longitude, or NaN when the request has no point
     * @param district the district it counts in (its point's, else the reported one)
     * @param h3r8 the rollup cell of its point (the parent of its resolution-10 cell), 0 without one
     * @param h3r10 the resolution-10 cell of its point, 0 without one
     * @param closedEpoch when it was closed (0 while open): from a day before its creation (bad data,
     *     as 311 has) through the same second to eight days after
     */
    public record Request(
            long key,
            LocalDate day,
            long createdEpoch,
            String type,
            String agency,
            boolean closed,
            double lon,
            double lat,
            int district,
            long h3r8,
            long h3r10,
            long closedEpoch) {
        public boolean placed() {
            return !Double.isNaN(lon);
        }

        /** Whether the default privacy settings show it at its cell's centre. */
        public boolean generalised() {
            return PrivacySettings.defaults().generalises(type);
        }

        /** The longitude it is shown at under the default privacy settings (its cell's centre when generalised). */
        public double shownLon() {
            return generalised() && placed() ? H3Cells.center(h3r10).lon() : lon;
        }

        /** The latitude it is shown at under the default privacy settings. */
        public double shownLat() {
            return generalised() && placed() ? H3Cells.center(h3r10).lat() : lat;
        }
    }

    public static final List<District> DISTRICTS = List.of(
            new District(101, 10_000, -74.02, 40.70, -74.00, 40.72),
            new District(102, 20_000, -74.00, 40.70, -73.98, 40.72),
            new District(164, 0, -74.02, 40.72, -73.98, 40.74));

    /** Complaint type and the agency that handles it. */
    private static final String[][] TYPES = {
        {"Noise - Residential", "NYPD"},
        {"HEAT/HOT WATER", "HPD"},
        {"Illegal Parking", "NYPD"},
        {"Street Condition", "DOT"}
    };

    /** Two gazetteer entries for one address: by ZIP (two requests' mean) and by borough (one). */
    static final String GAZETTEER = "INSERT INTO gazetteer (address_key, sum_lon, sum_lat, n) VALUES"
            + " ('350|5 AVENUE|10118', -147.9714, 81.4968, 2), ('350|5 AVENUE|MANHATTAN', -73.9850, 40.7480, 1)";

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 12, 20);

    public final List<Request> requests;
    public final Map<String, String> categoryOfType;

    private Fixture(List<Request> requests, Map<String, String> categoryOfType) {
        this.requests = List.copyOf(requests);
        this.categoryOfType = Map.copyOf(categoryOfType);
    }

    /** Loads the fixture into a migrated, empty database. */
    public static Fixture load(Database db) throws SQLException {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 960; i++) {
            String[] type = TYPES[i % TYPES.length];
            LocalDate day = FIRST_DAY.plusDays((i * 7L) % 100); // 2023-12-20 to 2024-03-28
            long created = day.atTime(LocalTime.of(8, 0).plusMinutes(i))
                    .atZone(NEW_YORK)
                    .toEpochSecond();
            boolean closed = i % 5 == 0;
            if (i < 900) {
                int column = i % 30;
                int row = i / 30;
                double lon = -74.02 + column * 0.0013 + 0.0005;
                double lat = 40.70 + row * 0.0013 + 0.0005;
                int district = DISTRICTS.stream()
                        .filter(d -> d.contains(lon, lat))
                        .mapToInt(District::boroCd)
                        .findFirst()
                        .orElseThrow();
                long r10 = H3Cells.cell(lat, lon, H3Cells.POINT_RES);
                long r8 = H3Cells.parent(r10, H3Cells.ROLLUP_RES);
                requests.add(new Request(
                        1000 + i,
                        day,
                        created,
                        type[0],
                        type[1],
                        closed,
                        lon,
                        lat,
                        district,
                        r8,
                        r10,
                        closedAt(i, created)));
            } else {
                int reported = i % 2 == 0 ? 101 : 102;
                requests.add(new Request(
                        1000 + i,
                        day,
                        created,
                        type[0],
                        type[1],
                        closed,
                        Double.NaN,
                        Double.NaN,
                        reported,
                        0,
                        0,
                        closedAt(i, created)));
            }
        }
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO community_district (boro_cd, boro_code, joint_interest, population, geom)"
                            + " VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)))")) {
                for (District d : DISTRICTS) {
                    ps.setInt(1, d.boroCd());
                    ps.setInt(2, d.boroCd() / 100);
                    ps.setBoolean(3, d.population() == 0);
                    ps.setInt(4, d.population());
                    ps.setDouble(5, d.west());
                    ps.setDouble(6, d.south());
                    ps.setDouble(7, d.east());
                    ps.setDouble(8, d.north());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO complaint_type (complaint_type, category) VALUES (?, srmap_category_of(?))")) {
                for (String[] type : TYPES) {
                    ps.setString(1, type[0]);
                    ps.setString(2, type[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    """
                    INSERT INTO service_request (unique_key, created_at, created_day, closed_at, version_at, agency,
                        complaint_type_raw, complaint_type, status, reported_boro_cd, boro_cd, boro_code,
                        location_source, geom, h3_r8, h3_r10, row_hash, ingest_run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END,
                            ?, ?, md5(?::text)::uuid, 0)""")) {
                for (Request r : requests) {
                    Timestamp created = new Timestamp(r.createdEpoch() * 1000);
                    int i = 1;
                    ps.setLong(i++, r.key());
                    ps.setTimestamp(i++, created);
                    ps.setObject(i++, r.day());
                    ps.setTimestamp(i++, r.closed() ? new Timestamp(r.closedEpoch() * 1000) : null);
                    ps.setTimestamp(i++, created);
                    ps.setString(i++, r.agency());
                    ps.setString(i++, r.type());
                    ps.setString(i++, r.type());
                    ps.setString(i++, r.closed() ? "Closed" : "Open");
                    ps.setInt(i++, r.district());
                    ps.setObject(i++, r.placed() ? r.district() : null, java.sql.Types.SMALLINT);
                    ps.setInt(i++, r.district() / 100);
                    ps.setString(i++, r.placed() ? "latlon" : null);
                    Double lon = r.placed() ? r.lon() : null;
                    ps.setObject(i++, lon, java.sql.Types.DOUBLE);
                    ps.setObject(i++, lon, java.sql.Types.DOUBLE);
                    ps.setObject(i++, r.placed() ? r.lat() : null, java.sql.Types.DOUBLE);
                    ps.setObject(i++, r.placed() ? r.h3r8() : null, java.sql.Types.BIGINT);
                    ps.setObject(i++, r.placed() ? r.h3r10() : null, java.sql.Types.BIGINT);
                    ps.setLong(i, r.key());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertCells(c, requests);
            insertCentres(c, requests);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO borough (boro_code, name, geom)"
                        + " VALUES (1, 'Manhattan', ST_Multi(ST_MakeEnvelope(-74.02, 40.70, -73.98, 40.74, 4326)))");
                st.execute(
                        "INSERT INTO nta (nta_code, name, boro_code, nta_type, geom) VALUES ('MN0101', 'Test Heights',"
                                + " 1, 0, ST_Multi(ST_MakeEnvelope(-74.02, 40.70, -74.00, 40.72, 4326)))");
                st.execute(GAZETTEER);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SELECT srmap_refresh_district_shapes()");
                st.execute("SELECT srmap_refresh_rollups(ARRAY(SELECT DISTINCT created_day FROM service_request))");
            }
            Map<String, String> categories = new HashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT complaint_type, category FROM complaint_type")) {
                while (rs.next()) {
                    categories.put(rs.getString(1), rs.getString(2));
                }
            }
            c.commit();
            return new Fixture(requests, categories);
        }
    }

    /** Request i's closing time if it is closed (every fifth), else 0: -1 to 8 days and a few hours after creation. */
    private static long closedAt(int i, long created) {
        if (i % 5 != 0) {
            return 0;
        }
        int days = (i / 5 * 7) % 10 - 1;
        return days == 0 ? created : created + days * 86_400L + (i % 7) * 3_600L;
    }

    /** The centres of the fixture's resolution-10 cells, as load-reference makes them. */
    private static void insertCentres(Connection c, List<Request> requests) throws SQLException {
        Set<Long> cells = new TreeSet<>();
        for (Request r : requests) {
            if (r.placed()) {
                cells.add(r.h3r10());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO h3_centre (cell, geom) VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
            for (long cell : cells) {
                LonLat centre = H3Cells.center(cell);
                ps.setLong(1, cell);
                ps.setDouble(2, centre.lon());
                ps.setDouble(3, centre.lat());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The outlines of the fixture's cells and their parents down to resolution 6, as load-reference makes them. */
    private static void insertCells(Connection c, List<Request> requests) throws SQLException {
        Set<Long> cells = new TreeSet<>();
        for (Request r : requests) {
            if (r.placed()) {
                for (int res = 6; res <= H3Cells.ROLLUP_RES; res++) {
                    cells.add(H3Cells.parent(r.h3r8(), res));
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO h3_cell (cell, res, geom) VALUES (?, ?, ST_GeomFromText(?, 4326))")) {
            for (long cell : cells) {
                StringBuilder wkt = new StringBuilder("POLYGON((");
                List<LonLat> corners = H3Cells.boundary(cell);
                for (LonLat p : corners) {
                    wkt.append(p.lon()).append(' ').append(p.lat()).append(", ");
                }
                wkt.append(corners.get(0).lon())
                        .append(' ')
                        .append(corners.get(0).lat())
                        .append("))");
                ps.setLong(1, cell);
                ps.setInt(2, H3Cells.resolution(cell));
                ps.setString(3, wkt.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
