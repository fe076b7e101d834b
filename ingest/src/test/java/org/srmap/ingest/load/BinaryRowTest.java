package org.srmap.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.sql.TestDatabase;

/** Every field type the ingest writes in binary COPY reads back from PostgreSQL as written. */
class BinaryRowTest {
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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1|2018-10-21T04:00:00Z|2018-10-21|-73.9857|40.7484|305|plain text",
                "2|1900-01-01T05:00:00Z|1900-01-01|-74.25559|40.49612|101|Café – “quoted”, tab\there",
                "3|2025-10-13T02:36:19.250Z|2025-10-12|-73.70001|40.91|595|back\\slash and a NUL:\u0000.",
                "4|1969-12-31T23:59:59.000001Z|1969-12-31|0|0|0|",
            })
    void readsBackEveryFieldAsWritten(long key, String instant, String day, double lon, double lat, int cd, String text)
            throws Exception {
        String value = text == null ? null : text.replace("\\t", "\t");
        UUID uuid = UUID.nameUUIDFromBytes(Long.toString(key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BinaryRow row = new BinaryRow()
                .int8(key)
                .int2OrNull(cd)
                .bool(key % 2 == 0)
                .text(value)
                .timestamptz(Instant.parse(instant))
                .date(LocalDate.parse(day))
                .uuid(uuid)
                .point(lon, lat);
        try (Connection c = testDb.database().open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(
                        """
                        CREATE TEMP TABLE t (k bigint, cd smallint, b boolean, s text, ts timestamptz, d date, u uuid,
                                             g geometry(Point, 4326))""");
            }
            try (CopySwitch copy = new CopySwitch(c)) {
                row.writeTo(copy.binary("COPY t FROM STDIN (FORMAT binary)"));
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT k, cd, b, s, extract(epoch FROM ts)::numeric, d, u,"
                            + " ST_X(g), ST_Y(g), ST_SRID(g) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(key);
                assertThat(rs.getObject(2)).isEqualTo(cd == 0 ? null : cd);
                assertThat(rs.getBoolean(3)).isEqualTo(key % 2 == 0);
                assertThat(rs.getString(4)).isEqualTo(value == null ? null : value.replace('\0', '\uFFFD'));
                Instant expected = Instant.parse(instant);
                assertThat(rs.getBigDecimal(5))
                        .isEqualByComparingTo(new java.math.BigDecimal(expected.getEpochSecond())
                                .add(java.math.BigDecimal.valueOf(expected.getNano() / 1000, 6)));
                assertThat(rs.getObject(6, LocalDate.class)).isEqualTo(LocalDate.parse(day));
                assertThat(rs.getObject(7)).isEqualTo(uuid);
                assertThat(rs.getDouble(8)).isEqualTo(lon);
                assertThat(rs.getDouble(9)).isEqualTo(lat);
                assertThat(rs.getInt(10)).isEqualTo(4326);
                assertThat(rs.next()).isFalse();
            }
            c.rollback();
        }
        assertThat(row.nulsReplaced()).isEqualTo(value != null && value.indexOf('\0') >= 0 ? 1 : 0);
    }

    @Test
    void writesAMissingPointAndMissingValuesAsNull() throws Exception {
        BinaryRow row = new BinaryRow()
                .point(Double.NaN, Double.NaN)
                .timestamptz(null)
                .text(null)
                .int8OrNull(0);
        assertThat(row.fields()).isEqualTo(4);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        row.writeTo(out);
        assertThat(out.toByteArray())
                .containsExactly(0, 4, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    }

    @Test
    void digestsEqualFieldsEquallyAndDifferentFieldsDifferently() {
        UUID a = new BinaryRow().int8(1).text("x").digest();
        UUID b = new BinaryRow().int8(1).text("x").digest();
        UUID c = new BinaryRow().int8(1).text("y").digest();
        UUID d = new BinaryRow().int8(1).text(null).digest();
        assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo(d);
    }
}
