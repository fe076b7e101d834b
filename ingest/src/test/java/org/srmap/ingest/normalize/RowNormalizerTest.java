package org.srmap.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.ingest.read.Field;
import org.srmap.ingest.read.MalformedRow;
import org.srmap.ingest.read.SourceRow;

class RowNormalizerTest {
    private final RowNormalizer normalizer = new RowNormalizer();

    /** A valid row with {@code changes} applied; a null value removes the field. */
    private static SourceRow row(Object... changes) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.UNIQUE_KEY, "19937901");
        values.put(Field.CREATED_DATE, "03/01/2011 10:41:13 AM");
        values.put(Field.COMPLAINT_TYPE, "Street Sign - Dangling");
        values.put(Field.STATUS, "Closed");
        for (int i = 0; i < changes.length; i += 2) {
            Field field = (Field) changes[i];
            String value = (String) changes[i + 1];
            if (value == null) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
        }
        return new SourceRow(7, "raw text", values);
    }

    private Accepted accept(Object... changes) {
        Normalized outcome = normalizer.normalize(row(changes));
        assertThat(outcome).isInstanceOf(Accepted.class);
        return (Accepted) outcome;
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(
            value = {
                "19937901,      ",
                "40611598.0,    ",
                "'  42  ',      ",
                "'',            MISSING_UNIQUE_KEY",
                "'   ',         MISSING_UNIQUE_KEY",
                "abc,           BAD_UNIQUE_KEY",
                "-5,            BAD_UNIQUE_KEY",
                "0,             BAD_UNIQUE_KEY",
                "12.5,          BAD_UNIQUE_KEY",
                "4.06E+07,      BAD_UNIQUE_KEY",
                "'40,611,598',  BAD_UNIQUE_KEY",
                "99999999999999999999, BAD_UNIQUE_KEY",
            })
    void rejectsRowsWithoutAUsableUniqueKey(String key, RejectReason expected) {
        Normalized outcome = normalizer.normalize(row(Field.UNIQUE_KEY, key));

        if (expected == null) {
            assertThat(outcome).isInstanceOf(Accepted.class);
        } else {
            assertThat(outcome).isInstanceOf(Rejected.class);
            Rejected rejected = (Rejected) outcome;
            assertThat(rejected.reason()).isEqualTo(expected);
            assertThat(rejected.lineNumber()).isEqualTo(7);
            assertThat(rejected.rawText()).isEqualTo("raw text");
        }
    }

    @Test
    void rejectsARowWithoutUniqueKeyColumn() {
        Rejected rejected = (Rejected) normalizer.normalize(row(Field.UNIQUE_KEY, null));

        assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_UNIQUE_KEY);
    }

    @ParameterizedTest(name = "[{index}] {0} = ''{1}''")
    @CsvSource({
        "CREATED_DATE,   '',          MISSING_CREATED_DATE",
        "CREATED_DATE,   N/A,         MISSING_CREATED_DATE",
        "CREATED_DATE,   2011-02-30,  BAD_DATE",
        "CREATED_DATE,   tomorrow,    BAD_DATE",
        "COMPLAINT_TYPE, '',          MISSING_COMPLAINT_TYPE",
        "COMPLAINT_TYPE, Unspecified, MISSING_COMPLAINT_TYPE",
        "COMPLAINT_TYPE, ' n/a ',     MISSING_COMPLAINT_TYPE",
    })
    void rejectsRowsWithoutCreatedDateOrComplaintType(Field field, String value, RejectReason expected) {
        Rejected rejected = (Rejected) normalizer.normalize(row(field, value));

        assertThat(rejected.reason()).isEqualTo(expected);
        assertThat(rejected.detail()).isNotBlank();
    }

    @Test
    void passesMalformedRowsThroughAsRejects() {
        MalformedRow malformed = new MalformedRow(12, "1,2", RejectReason.WRONG_FIELD_COUNT, "2 fields where ...");

        assertThat(normalizer.normalize(malformed))
                .isEqualTo(new Rejected(12, "1,2", RejectReason.WRONG_FIELD_COUNT, "2 fields where ..."));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(
            value = {
                "'  Closed ',          Closed,      false",
                "closed,               Closed,      false",
                "IN PROGRESS,          In Progress, false",
                "'in   progress',      In Progress, false",
                "EMAIL SENT,           Email Sent,  false",
                "'',                   Unspecified, false",
                "N/A,                  Unspecified, false",
                "UNSPECIFIED,          Unspecified, false",
                "waiting FOR parts,    Waiting For Parts, true",
            })
    void mapsStatusesToTheirCanonicalSpelling(String raw, String expected, boolean unknown) {
        Accepted accepted = accept(Field.STATUS, raw);

        assertThat(accepted.request().status()).isEqualTo(expected);
        assertThat(accepted.warnings().contains(Warning.UNKNOWN_STATUS)).isEqualTo(unknown);
    }

    @Test
    void treatsAMissingStatusColumnAsUnspecified() {
        assertThat(accept(Field.STATUS, null).request().status()).isEqualTo("Unspecified");
    }

    @Test
    void cleansTextFieldsAndKeepsTheCommunityBoardAsWritten() {
        ServiceRequest request = accept(
                        Field.AGENCY, " NYPD ",
                        Field.COMPLAINT_TYPE, " Noise  -   Residential ",
                        Field.DESCRIPTOR, "Loud\tMusic/Party",
                        Field.INCIDENT_ADDRESS, " 364 WEST  127 STREET ",
                        Field.RESOLUTION_DESCRIPTION, "Done.  Really.",
                        Field.FACILITY_TYPE, "N/A",
                        Field.LANDMARK, "na",
                        Field.PARK_FACILITY_NAME, "Unspecified",
                        Field.BOROUGH, "Unspecified",
                        Field.COMMUNITY_BOARD, " Unspecified BROOKLYN ",
                        Field.CITY, "")
                .request();

        assertThat(request.agency()).isEqualTo("NYPD");
        assertThat(request.complaintType()).isEqualTo("Noise - Residential");
        assertThat(request.descriptor()).isEqualTo("Loud Music/Party");
        assertThat(request.incidentAddress()).isEqualTo("364 WEST  127 STREET");
        assertThat(request.resolution()).isEqualTo("Done.  Really.");
        assertThat(request.facilityType()).isNull();
        assertThat(request.landmark()).isNull();
        assertThat(request.parkFacilityName()).isNull();
        assertThat(request.borough()).isNull();
        assertThat(request.communityBoard()).isEqualTo("Unspecified BROOKLYN");
        assertThat(request.city()).isNull();
        assertThat(request.locationType()).isNull();
    }

    @Test
    void keepsComplaintTypeAliasesAsWritten() {
        assertThat(accept(Field.COMPLAINT_TYPE, "HEATING").request().complaintType())
                .isEqualTo("HEATING");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "11232      | 11232 | false",
                "11232-1234 | 11232 | false",
                "N/A        |       | false",
                "''         |       | false",
                "1123       |       | true",
                "11232.0    |       | true",
                "ABCDE      |       | true",
                "11232-12   |       | true",
            })
    void keepsFiveDigitZipCodes(String raw, String expected, boolean warned) {
        Accepted accepted = accept(Field.INCIDENT_ZIP, raw);

        assertThat(accepted.request().zip()).isEqualTo(expected);
        assertThat(accepted.warnings().contains(Warning.BAD_ZIP)).isEqualTo(warned);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3006540024  | 3006540024 | false",
                "' 1019820050' | 1019820050 | false",
                "''          |            | false",
                "0000000000  |            | true",
                "300654002   |            | true",
                "3.00654E+09 |            | true",
            })
    void keepsTenDigitBbls(String raw, String expected, boolean warned) {
        Accepted accepted = accept(Field.BBL, raw);

        assertThat(accepted.request().bbl()).isEqualTo(expected);
        assertThat(accepted.warnings().contains(Warning.BAD_BBL)).isEqualTo(warned);
    }

    @ParameterizedTest(name = "[{index}] {0}, {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "40.660811976282695 | -73.99859430999363 | 40.660811976282695 | -73.99859430999363 |",
                "40.71051893        | -73.87862009       | 40.71051893        | -73.87862009       |",
                "''                 | ''                 |                    |                    |",
                "0                  | 0                  |                    |                    | ZERO_COORDINATE",
                "40.7               | 0                  |                    |                    | ZERO_COORDINATE",
                "38.9               | -77.03             |                    |                    |"
                        + " COORDINATE_OUT_OF_RANGE",
                "40.7               | ''                 |                    |                    |"
                        + " INCOMPLETE_COORDINATE",
                "40,7               | -73.9              |                    |                    | BAD_COORDINATE",
                "NaN                | -73.9              |                    |                    | BAD_COORDINATE",
                "40.7d              | -73.9              |                    |                    | BAD_COORDINATE",
            })
    void keepsLatitudeAndLongitudeOnlyAsAPlausiblePair(
            String latitude, String longitude, Double expectedLatitude, Double expectedLongitude, Warning warning) {
        Accepted accepted = accept(Field.LATITUDE, latitude, Field.LONGITUDE, longitude);

        assertThat(accepted.request().latitude()).isEqualTo(expectedLatitude);
        assertThat(accepted.request().longitude()).isEqualTo(expectedLongitude);
        if (warning == null) {
            assertThat(accepted.warnings()).isEmpty();
        } else {
            assertThat(accepted.warnings()).containsExactly(warning);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}, {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1,017,901 | 198,161 | 1017901.0 | 198161.0 |",
                "984640    | 180028  | 984640.0  | 180028.0  |",
                "1,01,7901 | 198161  |           |           | BAD_COORDINATE",
                "0         | 0       |           |           | ZERO_COORDINATE",
                "50        | 60      |           |           | COORDINATE_OUT_OF_RANGE",
            })
    void readsStatePlaneCoordinatesWithThousandsSeparators(
            String x, String y, Double expectedX, Double expectedY, Warning warning) {
        Accepted accepted = accept(Field.X_COORDINATE, x, Field.Y_COORDINATE, y);

        assertThat(accepted.request().xStatePlane()).isEqualTo(expectedX);
        assertThat(accepted.request().yStatePlane()).isEqualTo(expectedY);
        assertThat(accepted.warnings()).isEqualTo(warning == null ? java.util.Set.of() : java.util.Set.of(warning));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "(40.66, -73.99)                                                             | 40.66 | -73.99",
                "'\n,  \n(40.748188757281845, -73.86453746090947)'                          | 40.748188757281845"
                        + " | -73.86453746090947",
                "{'latitude': '40.67', 'longitude': '-74.01', 'human_address': '{\"a\": \"\"}'} | 40.67 | -74.01",
                "POINT (-73.99 40.66)                                                        | 40.66 | -73.99",
                "no coordinates here                                                         |       |",
            })
    void fallsBackToTheLocationColumn(String location, Double latitude, Double longitude) {
        ServiceRequest request =
                accept(Field.LATITUDE, "", Field.LOCATION, location).request();

        assertThat(request.latitude()).isEqualTo(latitude);
        assertThat(request.longitude()).isEqualTo(longitude);
    }

    @ParameterizedTest(name = "[{index}] closed {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "03/14/2011 03:59:20 PM | 2011-03-14T19:59:20Z |",
                "03/01/2011 10:41:13 AM | 2011-03-01T15:41:13Z | ZERO_DURATION",
                "02/27/2011 09:00:00 AM | 2011-02-27T14:00:00Z | CLOSED_BEFORE_CREATED",
                "01/01/1900 12:00:00 AM |                      | PLACEHOLDER_DATE",
                "1900-01-01T00:00:00.000 |                     | PLACEHOLDER_DATE",
                "1/1/00 0:00            |                      | PLACEHOLDER_DATE",
                "31/31/2011             |                      | BAD_OPTIONAL_DATE",
                "''                     |                      |",
            })
    void checksTheClosedDateAgainstTheCreatedDate(String closed, Instant expected, Warning warning) {
        Accepted accepted = accept(Field.CLOSED_DATE, closed);

        assertThat(accepted.request().created()).isEqualTo(Instant.parse("2011-03-01T15:41:13Z"));
        assertThat(accepted.request().closed()).isEqualTo(expected);
        assertThat(accepted.warnings()).isEqualTo(warning == null ? java.util.Set.of() : java.util.Set.of(warning));
    }

    @Test
    void readsTheDueAndUpdatedDatesAndNotesDaylightSavingWarnings() {
        Accepted accepted =
                accept(Field.DUE_DATE, "11/4/18 1:30", Field.RESOLUTION_ACTION_UPDATED_DATE, "2019-03-10T02:30:00.000");

        assertThat(accepted.request().due()).isEqualTo(Instant.parse("2018-11-04T05:30:00Z"));
        assertThat(accepted.request().updated()).isEqualTo(Instant.parse("2019-03-10T07:30:00Z"));
        assertThat(accepted.warnings()).containsExactlyInAnyOrder(Warning.DST_OVERLAP, Warning.DST_GAP_SHIFTED);
    }

    @Test
    void givesEveryCodeInLowerSnakeCase() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(reason.code()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Warning warning : Warning.values()) {
            assertThat(warning.code()).isEqualTo(warning.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
