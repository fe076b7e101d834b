package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.geocoder.testing.ServiceRequestCsv;
import org.srmap.geocoder.testing.ServiceRequestCsv.Column;
import org.srmap.geocoder.testing.ServiceRequestCsv.Row;
import org.srmap.geocoder.testing.SharedData;

class DistrictsRealDataTest {

    private static Districts districts;

    @BeforeAll
    static void load() {
        districts = Districts.load(
                SharedData.require("boundaries/community_districts_2013.geojson"),
                SharedData.require("boundaries/boroughs.geojson"));
    }

    @Test
    void loadsEveryDistrictAndBorough() {
        assertThat(districts.districts()).hasSize(71);
        assertThat(districts.districts().stream().filter(DistrictShape::regular))
                .hasSize(59);
        assertThat(districts.districts().stream().mapToInt(DistrictShape::boroCd))
                .doesNotHaveDuplicates()
                .contains(101, 164, 228, 318, 484, 595);
        assertThat(districts.boroughs())
                .extracting(BoroughShape::code, BoroughShape::name)
                .containsExactlyInAnyOrder(
                        tuple(1, "Manhattan"),
                        tuple(2, "Bronx"),
                        tuple(3, "Brooklyn"),
                        tuple(4, "Queens"),
                        tuple(5, "Staten Island"));
        assertThat(districts.districts())
                .allSatisfy(d -> assertThat(d.geometry().getSRID()).isEqualTo(4326));
    }

    @ParameterizedTest
    @CsvSource({
        "-73.9851, 40.7589, 105, 1", // Times Square
        "-73.9665, 40.7812, 164, 1", // Central Park, Great Lawn
        "-73.9262, 40.8296, 204, 2", // Yankee Stadium
        "-73.8860, 40.8970, 226, 2", // Van Cortlandt Park
        "-73.8770, 40.8560, 227, 2", // Bronx Park (the zoo)
        "-73.8080, 40.8650, 228, 2", // Pelham Bay Park
        "-73.9103, 40.8762, 208, 1", // Marble Hill: Bronx district 8, Manhattan borough
        "-73.9712, 40.6650, 355, 3", // Prospect Park, Long Meadow
        "-73.9776, 40.5734, 313, 3", // Coney Island boardwalk
        "-73.8740, 40.7769, 480, 4", // LaGuardia Airport
        "-73.8467, 40.7461, 481, 4", // Flushing Meadows, the Unisphere
        "-73.7781, 40.6441, 483, 4", // JFK Airport
        "-73.8303, 40.7596, 407, 4", // Flushing, Main Street
        "-74.0733, 40.6437, 501, 5", // St. George ferry terminal
        "-74.1110, 40.5520, 503, 5", // Great Kills
    })
    void locatesLandmarks(double lon, double lat, int boroCd, int boroCode) {
        assertThat(districts.boroCd(lon, lat)).hasValue(boroCd);
        assertThat(districts.boroCode(lon, lat)).hasValue(boroCode);
    }

    @ParameterizedTest
    @CsvSource({
        "-74.0200, 40.7300", // mid-Hudson, off Greenwich Village
        "-73.9999, 40.5000", // Lower New York Bay
        "0, 0",
    })
    void placesNothingInOpenWater(double lon, double lat) {
        assertThat(districts.boroCd(lon, lat)).isEmpty();
        assertThat(districts.boroCode(lon, lat)).isEmpty();
    }

    @Test
    void snapsAPointJustOffTheShoreToTheNearestDistrict() {
        PolygonIndex strict = PolygonIndex.of(districts.districts().stream()
                .map(d -> new PolygonIndex.Entry(d.boroCd(), d.geometry(), d.regular()))
                .toList());
        // Walk west from Battery Park City along 40.712 N to the last point on land in the Hudson.
        double lat = 40.7120;
        double step = 0.00001;
        double shore = IntStream.range(0, 2000)
                .mapToDouble(i -> -74.0150 - i * step)
                .filter(lon -> strict.locate(lon, lat).isPresent()
                        && strict.locate(lon - step, lat).isEmpty())
                .findFirst()
                .orElseThrow();
        double metresPerDegree = 84_300;

        assertThat(strict.locate(shore, lat)).hasValue(101);
        assertThat(strict.locate(shore - 40 / metresPerDegree, lat)).isEmpty();
        assertThat(districts.boroCd(shore - 40 / metresPerDegree, lat)).hasValue(101);
        assertThat(districts.boroCd(shore - 300 / metresPerDegree, lat)).isEmpty();
    }

    @Test
    void agreesWithTheReportedCommunityBoardForMostRows() throws IOException {
        Path file = SharedData.require("311/export_2014-2019.csv");

        Agreement agreement = agreement(ServiceRequestCsv.read(file));

        System.out.printf(
                Locale.ROOT,
                "export_2014-2019.csv: point-in-polygon district equals the reported board for %d of %d rows"
                        + " (%.2f%%); %d geocoded rows in no district%n",
                agreement.agree,
                agreement.compared,
                agreement.percent(),
                agreement.unlocated);
        assertThat(agreement.compared).isGreaterThan(700);
        assertThat(agreement.percent()).isGreaterThanOrEqualTo(98.5);
    }

    @Test
    void agreesWithTheReportedBoardAndBoroughAcrossAllSamples() throws IOException {
        Agreement all = new Agreement();
        int boroughRows = 0;
        int boroughAgree = 0;
        for (Path file : ServiceRequestCsv.files()) {
            var rows = ServiceRequestCsv.read(file);
            Agreement one = agreement(rows);
            all.add(one);
            for (Row row : rows) {
                int reported = CommunityBoards.boroCodeOf(row.get(Column.BOROUGH));
                OptionalInt located = locateBorough(row);
                if (reported != 0 && located.isPresent()) {
                    boroughRows++;
                    boroughAgree += located.getAsInt() == reported ? 1 : 0;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: district agreement %.2f%% of %d%n",
                    file.getFileName(),
                    one.percent(),
                    one.compared);
        }
        double boroughPercent = 100.0 * boroughAgree / boroughRows;
        System.out.printf(
                Locale.ROOT,
                "all 311 CSV samples: district agreement %.2f%% of %d rows; borough agreement %.2f%% of %d rows%n",
                all.percent(),
                all.compared,
                boroughPercent,
                boroughRows);
        assertThat(all.percent()).isGreaterThanOrEqualTo(98.5);
        assertThat(boroughPercent).isGreaterThanOrEqualTo(99.5);
    }

    private static OptionalInt locateBorough(Row row) {
        OptionalDouble lat = row.number(Column.LATITUDE);
        OptionalDouble lon = row.number(Column.LONGITUDE);
        if (lat.isEmpty() || lon.isEmpty()) {
            return OptionalInt.empty();
        }
        return districts.boroCode(lon.getAsDouble(), lat.getAsDouble());
    }

    private static Agreement agreement(Iterable<Row> rows) {
        Agreement agreement = new Agreement();
        for (Row row : rows) {
            OptionalDouble lat = row.number(Column.LATITUDE);
            OptionalDouble lon = row.number(Column.LONGITUDE);
            ReportedBoard reported = CommunityBoards.parse(row.get(Column.COMMUNITY_BOARD));
            if (lat.isEmpty() || lon.isEmpty()) {
                continue;
            }
            OptionalInt located = districts.boroCd(lon.getAsDouble(), lat.getAsDouble());
            if (located.isEmpty()) {
                agreement.unlocated++;
            } else if (reported.hasBoroCd()) {
                agreement.compared++;
                agreement.agree += located.getAsInt() == reported.boroCd() ? 1 : 0;
            }
        }
        return agreement;
    }

    /** Counts of rows compared and agreeing. */
    private static final class Agreement {
        int compared;
        int agree;
        int unlocated;

        void add(Agreement other) {
            compared += other.compared;
            agree += other.agree;
            unlocated += other.unlocated;
        }

        double percent() {
            return 100.0 * agree / compared;
        }
    }
}
