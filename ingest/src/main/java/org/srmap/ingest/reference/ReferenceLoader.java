package org.srmap.ingest.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.srmap.geocoder.address.AddressKey;
import org.srmap.geocoder.address.AddressNormalizer;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.district.CommunityBoards;
import org.srmap.geocoder.geojson.Feature;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.ingest.run.ReasonCounts;
import org.srmap.sql.Database;

/**
 * Replaces the reference data in one transaction from a directory laid out like the shared data:
 * {@code boundaries/} (boroughs, 2013 community districts, 2020 NTAs), {@code population/} (2020
 * census tracts with population) and {@code facilities/} (cooling centers with EPSG:2263 X/Y,
 * libraries). District population is the sum of the tracts whose interior point it contains.
 */
public final class ReferenceLoader {
    /** Borough outlines: {@code boro_code}, {@code boro_name}. */
    public static final String BOROUGHS = "boundaries/boroughs.geojson";

    /** Community districts and joint interest areas: {@code BoroCD}. */
    public static final String DISTRICTS = "boundaries/community_districts_2013.geojson";

    /** 2020 NTAs: {@code NTA2020}, {@code NTAName}, {@code BoroCode}, {@code NTAType}. */
    public static final String NTAS = "boundaries/nta2020.geojson";

    /** 2020 tracts: {@code GEOID}, {@code BoroCT2020}, {@code NTA2020}, {@code pop2020}, {@code pop2020_u18}. */
    public static final String TRACTS = "population/census_tracts_2020_pop.geojson";

    /** Library points: {@code name}, {@code street address}, {@code borough}, {@code zip code}. */
    public static final String LIBRARIES = "facilities/libraries.geojson";

    static final String COOLING_CENTERS_GLOB = "cooling_centers*.csv";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    /**
     * What was loaded; {@code problems} counts facilities that could not be placed, by reason;
     * {@code warnings} says what was missing but not required (the cooling-center list).
     */
    public record Report(
            int boroughs,
            int districts,
            int ntas,
            int tracts,
            long tractPopulation,
            long districtPopulation,
            int facilities,
            int cellCentres,
            ReasonCounts problems,
            List<String> warnings) {
        public Report {
            warnings = List.copyOf(warnings);
        }
    }

    private ReferenceLoader() {}

    /**
     * Loads everything from {@code dataDir}; a missing file is an {@link IllegalArgumentException} naming
     * it. Only the cooling-center list may be absent (NYC Open Data does not publish it, so a folder
     * downloaded from there has none): then no cooling centers are loaded and the report says so.
     */
    public static Report load(Database db, Path dataDir) throws SQLException, IOException {
        Path coolingCenters = coolingCenters(dataDir);
        List<String> warnings = coolingCenters == null
                ? List.of("no " + COOLING_CENTERS_GLOB + " in " + dataDir.resolve("facilities")
                        + ": no cooling centers loaded")
                : List.of();
        for (String f : List.of(BOROUGHS, DISTRICTS, NTAS, TRACTS, LIBRARIES)) {
            require(dataDir.resolve(f));
        }
        ReasonCounts problems = new ReasonCounts();
        WKBWriter wkb = new WKBWriter();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(ReferenceSql.CLEAR);
            }
            int boroughs = insertAll(c, ReferenceSql.INSERT_BOROUGH, read(dataDir, BOROUGHS), (ps, f) -> {
                ps.setInt(1, intProp(f, "boro_code"));
                ps.setString(2, String.valueOf(f.properties().get("boro_name")));
                ps.setBytes(3, wkb.write(f.geometry()));
            });
            int districts = insertAll(c, ReferenceSql.INSERT_DISTRICT, read(dataDir, DISTRICTS), (ps, f) -> {
                int boroCd = intProp(f, "BoroCD");
                ps.setInt(1, boroCd);
                ps.setInt(2, boroCd / 100);
                ps.setBoolean(3, CommunityBoards.isJointInterestArea(boroCd));
                ps.setBytes(4, wkb.write(f.geometry()));
            });
            int ntas = insertAll(c, ReferenceSql.INSERT_NTA, read(dataDir, NTAS), (ps, f) -> {
                ps.setString(1, String.valueOf(f.properties().get("NTA2020")));
                ps.setString(2, String.valueOf(f.properties().get("NTAName")));
                ps.setInt(3, intProp(f, "BoroCode"));
                ps.setInt(4, intProp(f, "NTAType"));
                ps.setBytes(5, wkb.write(f.geometry()));
            });
            int tracts = insertAll(c, ReferenceSql.INSERT_TRACT, read(dataDir, TRACTS), (ps, f) -> {
                ps.setString(1, String.valueOf(f.properties().get("GEOID")));
                ps.setString(2, String.valueOf(f.properties().get("BoroCT2020")));
                ps.setString(3, String.valueOf(f.properties().get("NTA2020")));
                ps.setInt(4, intProp(f, "pop2020"));
                ps.setInt(5, intProp(f, "pop2020_u18"));
                ps.setBytes(6, wkb.write(f.geometry()));
            });
            int facilities = (coolingCenters == null ? 0 : loadCoolingCenters(c, coolingCenters, problems))
                    + loadLibraries(c, dataDir, problems);
            HexbinCells.load(c);
            int cellCentres = CellCentres.load(c);
            long[] population;
            try (Statement st = c.createStatement()) {
                st.executeUpdate(ReferenceSql.TRACT_DISTRICTS);
                st.executeUpdate(ReferenceSql.DISTRICT_POPULATION);
                st.execute(ReferenceSql.DISTRICT_SHAPES);
                st.executeUpdate(ReferenceSql.FACILITY_DISTRICTS);
                try (ResultSet rs = st.executeQuery(ReferenceSql.POPULATION_TOTALS)) {
                    rs.next();
                    population = new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
            try (PreparedStatement ps = c.prepareStatement(ReferenceSql.RECORD_RUN)) {
                long rows = (long) boroughs + districts + ntas + tracts + facilities + problems.total();
                ps.setString(1, dataDir.toString());
                ps.setLong(2, rows);
                ps.setLong(3, rows - problems.total());
                ps.setString(4, problems.toJson());
                ps.executeUpdate();
            }
            c.commit();
            return new Report(
                    boroughs,
                    districts,
                    ntas,
                    tracts,
                    population[0],
                    population[1],
                    facilities,
                    cellCentres,
                    problems,
                    warnings);
        }
    }

    private static int loadCoolingCenters(Connection c, Path file, ReasonCounts problems)
            throws SQLException, IOException {
        int n = 0;
        try (BufferedReader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader);
                PreparedStatement ps = c.prepareStatement(ReferenceSql.INSERT_FACILITY)) {
            for (CSVRecord r : csv) {
                String x = get(r, "X");
                String y = get(r, "Y");
                if (x == null || y == null) {
                    problems.add("cooling_center_without_xy");
                    continue;
                }
                LonLat p = Projections.statePlaneToWgs84(Double.parseDouble(x), Double.parseDouble(y));
                if (!Projections.insideNycEnvelope(p.lon(), p.lat())) {
                    problems.add("cooling_center_outside_nyc");
                    continue;
                }
                Map<String, Object> props = new LinkedHashMap<>(r.toMap());
                props.keySet().removeIf(k -> k.isBlank());
                String id = get(r, "NYCEM_ID") != null ? get(r, "NYCEM_ID") : get(r, "OBJECTID");
                String hours = hours(r);
                facility(
                        ps,
                        "cooling_center:" + id,
                        "cooling_center",
                        get(r, "FACILITY_TYPE"),
                        get(r, "FACILITY_NAME"),
                        get(r, "ADDRESS"),
                        get(r, "BOROUGH"),
                        get(r, "ZIP_CODE"),
                        yesNo(get(r, "HANDICAP_ACCESS")),
                        hours,
                        p,
                        props);
                n++;
            }
            ps.executeBatch();
        }
        return n;
    }

    private static int loadLibraries(Connection c, Path dataDir, ReasonCounts problems)
            throws SQLException, IOException {
        int n = 0;
        List<Feature> libraries = read(dataDir, LIBRARIES);
        try (PreparedStatement ps = c.prepareStatement(ReferenceSql.INSERT_FACILITY)) {
            for (int i = 0; i < libraries.size(); i++) {
                Feature f = libraries.get(i);
                if (!(f.geometry() instanceof Point point) || point.isEmpty()) {
                    problems.add("library_without_point");
                    continue;
                }
                Map<String, Object> props = f.properties();
                Object zip = props.get("zip code");
                facility(
                        ps,
                        "library:" + (i + 1),
                        "library",
                        "Library",
                        String.valueOf(props.get("name")),
                        text(props.get("street address")),
                        text(props.get("borough")),
                        zip == null ? null : zip.toString(),
                        null,
                        text(props.get("hours of operation")),
                        new LonLat(point.getX(), point.getY()),
                        props);
                n++;
            }
            ps.executeBatch();
        }
        return n;
    }

    private static void facility(
            PreparedStatement ps,
            String id,
            String kind,
            String subtype,
            String name,
            String address,
            String borough,
            String zip,
            Boolean wheelchair,
            String hours,
            LonLat p,
            Map<String, Object> properties)
            throws SQLException {
        ps.setString(1, id);
        ps.setString(2, kind);
        ps.setString(3, subtype);
        ps.setString(4, name == null ? id : name);
        ps.setString(5, address);
        ps.setString(6, borough);
        ps.setString(7, zip);
        if (wheelchair == null) {
            ps.setNull(8, Types.BOOLEAN);
        } else {
            ps.setBoolean(8, wheelchair);
        }
        ps.setString(9, hours);
        ps.setString(
                10,
                address == null
                        ? null
                        : AddressNormalizer.normalize(address, zip, borough)
                                .map(AddressKey::compact)
                                .orElse(null));
        ps.setDouble(11, p.lon());
        ps.setDouble(12, p.lat());
        try {
            ps.setString(13, JSON.writeValueAsString(properties));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facility properties are plain values", e);
        }
        ps.addBatch();
    }

    private interface Binder {
        void bind(PreparedStatement ps, Feature f) throws SQLException;
    }

    private static int insertAll(Connection c, String sql, List<Feature> features, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Feature f : features) {
                binder.bind(ps, f);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return features.size();
    }

    private static List<Feature> read(Path dataDir, String file) {
        return GeoJsonFeatures.read(dataDir.resolve(file));
    }

    private static int intProp(Feature f, String key) {
        Object v = f.properties().get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Integer.parseInt(s.trim());
        }
        throw new IllegalArgumentException("feature property " + key + " is missing or not a number: " + v);
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column).trim();
        return v.isEmpty() ? null : v;
    }

    private static String text(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static Boolean yesNo(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> Boolean.TRUE;
            case "no", "n", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String hours(CSVRecord r) {
        StringBuilder sb = new StringBuilder();
        for (String day : DAYS) {
            String h = get(r, day);
            if (h != null) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(day, 0, 3).append(' ').append(h);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The newest cooling-center list in {@code facilities/}, or null when there is none. */
    private static Path coolingCenters(Path dataDir) throws IOException {
        Path dir = require(dataDir.resolve("facilities"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("cooling_centers.*\\.csv"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
    }

    private static BufferedReader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(p + " is missing; load-reference needs the layout of ../shared/data"
                    + " (boundaries/, population/, facilities/)");
        }
        return p;
    }
}
