package org.srmap.server.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.sql.TestDatabase;

/**
 * The SQL functions hexbin tiles aggregate by against h3-java: srmap_h3_parent against cellToParent,
 * srmap_h3_children_r8 against cellToChildren.
 */
class H3FunctionsTest {
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

    @ParameterizedTest
    @CsvSource({"6", "7", "8"})
    void listsTheResolution8ChildrenAsH3JavaDoes(int res) throws Exception {
        Random random = new Random(res);
        H3Core h3 = H3Core.newInstance();
        try (Connection c = testDb.database().open();
                PreparedStatement ps = c.prepareStatement("SELECT srmap_h3_children_r8(?, ?)")) {
            for (int i = 0; i < 20; i++) {
                long cell = H3Cells.cell(40.45 + 0.5 * random.nextDouble(), -74.30 + 0.65 * random.nextDouble(), res);
                ps.setLong(1, cell);
                ps.setInt(2, res);
                List<Long> children = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        children.add(rs.getLong(1));
                    }
                }
                assertThat(children)
                        .as("children of %x", cell)
                        .containsExactlyInAnyOrderElementsOf(h3.cellToChildren(cell, 8));
            }
        }
    }
}
