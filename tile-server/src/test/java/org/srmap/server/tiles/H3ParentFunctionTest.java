package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.sql.TestDatabase;

/** The SQL srmap_h3_parent, which hexbin tiles aggregate by, against h3-java's cellToParent. */
class H3ParentFunctionTest {
    private static TestDatabase testDb;

    @BeforeAll
    static void createDatabase() {
        testDb = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void agreesWithH3JavaForEveryCoarserResolution() throws Exception {
        Random random = new Random(11);
        int compared = 0;
        try (Connection c = testDb.database().open();
                PreparedStatement ps = c.prepareStatement("SELECT srmap_h3_parent(?, ?)")) {
            for (int i = 0; i < 500; i++) {
                double lat = 40.45 + 0.5 * random.nextDouble();
                double lon = -74.30 + 0.65 * random.nextDouble();
                long cell = H3Cells.cell(lat, lon, 6 + random.nextInt(10));
                for (int res = 0; res <= H3Cells.resolution(cell); res++) {
                    ps.setLong(1, cell);
                    ps.setInt(2, res);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1))
                                .as("parent of %x at %d", cell, res)
                                .isEqualTo(H3Cells.parent(cell, res));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }
}
