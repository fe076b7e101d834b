package org.srmap.server.privacy;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.srmap.geocoder.address.AddressKey;
import org.srmap.geocoder.address.AddressNormalizer;

/**
 * Whether the address search may answer an address with its point. The gazetteer learns an address
 * from every request with coordinates, of every type; answering an address that only requests of
 * sensitive types named would tell that one was made there, the house number the generalised request
 * hides. So, while any type is generalised, an address is answered only when a facility has it or a
 * request of another type, near its point, has the same normalised address. Blocking: call it on
 * the JDBC scheduler.
 */
@Component
public final class AddressDisclosure {
    /** How far from the gazetteer's point, in degrees, a request at the same address is looked for (about 50 m). */
    static final double NEAR_DEGREES = 0.0005;

    /** At most this many requests near the point are compared; beyond, the address is not answered. */
    static final int MAX_NEAR = 5_000;

    /** Whether a facility has the key. Parameter: the key. */
    static final String FACILITY_AT = "SELECT EXISTS (SELECT 1 FROM facility WHERE address_key = ?)";

    /**
     * The addresses (with ZIP code and borough name) of the requests of types not generalised near a
     * point. Parameters: lon, lat, the generalised types.
     */
    static final String OTHERS_NEAR =
            """
            SELECT s.incident_address, s.zip, b.name FROM service_request s
              LEFT JOIN borough b ON b.boro_code = s.boro_code
             WHERE s.geom && ST_Expand(ST_SetSRID(ST_MakePoint(?, ?), 4326), %s)
               AND s.incident_address IS NOT NULL AND NOT %s
             LIMIT %d"""
                    .formatted(NEAR_DEGREES, PrivacySql.GENERALISED, MAX_NEAR);

    private final JdbcTemplate jdbc;
    private final PrivacySettings privacy;

    public AddressDisclosure(JdbcTemplate jdbc, PrivacySettings privacy) {
        this.jdbc = jdbc;
        this.privacy = privacy;
    }

    /** Whether the address found under {@code key} at this point may be answered. */
    public boolean answerable(String key, double lon, double lat) {
        if (privacy.generalisedTypes().isEmpty()) {
            return true;
        }
        Boolean facility = jdbc.query(FACILITY_AT, ps -> ps.setString(1, key), rs -> rs.next() && rs.getBoolean(1));
        if (Boolean.TRUE.equals(facility)) {
            return true;
        }
        Boolean named = jdbc.query(
                OTHERS_NEAR,
                ps -> {
                    ps.setDouble(1, lon);
                    ps.setDouble(2, lat);
                    PrivacySql.bindTypes(ps, 3, privacy);
                },
                rs -> {
                    while (rs.next()) {
                        if (hasKey(rs.getString(1), rs.getString(2), rs.getString(3), key)) {
                            return true;
                        }
                    }
                    return false;
                });
        return Boolean.TRUE.equals(named);
    }

    /** Whether a request's address, normalised as the ingest does, has {@code key} (by ZIP or by borough). */
    static boolean hasKey(String address, String zip, String borough, String key) {
        Optional<AddressKey> own = AddressNormalizer.normalize(address, zip, borough);
        if (own.isEmpty()) {
            return false;
        }
        return own.get().compact().equals(key)
                || AddressNormalizer.inBorough(own.get(), borough)
                        .map(AddressKey::compact)
                        .filter(key::equals)
                        .isPresent();
    }
}
