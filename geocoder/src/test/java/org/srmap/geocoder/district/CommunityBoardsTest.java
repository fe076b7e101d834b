package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.srmap.geocoder.district.ReportedBoard.Kind;

class CommunityBoardsTest {

    @ParameterizedTest
    @CsvSource({
        "07 BROOKLYN, DISTRICT, 307, 3",
        "12 MANHATTAN, DISTRICT, 112, 1",
        "01 BRONX, DISTRICT, 201, 2",
        "14 QUEENS, DISTRICT, 414, 4",
        "03 STATEN ISLAND, DISTRICT, 503, 5",
        "18 BROOKLYN, DISTRICT, 318, 3",
        "08 BRONX, DISTRICT, 208, 2", // also on Marble Hill rows, which 311 files under Manhattan
        "'  7   brooklyn ', DISTRICT, 307, 3",
        "'03 Staten   Island', DISTRICT, 503, 5",
        "64 MANHATTAN, JOINT_INTEREST, 164, 1",
        "26 BRONX, JOINT_INTEREST, 226, 2",
        "27 BRONX, JOINT_INTEREST, 227, 2",
        "28 BRONX, JOINT_INTEREST, 228, 2",
        "55 BROOKLYN, JOINT_INTEREST, 355, 3",
        "56 BROOKLYN, JOINT_INTEREST, 356, 3",
        "80 QUEENS, JOINT_INTEREST, 480, 4",
        "81 QUEENS, JOINT_INTEREST, 481, 4",
        "82 QUEENS, JOINT_INTEREST, 482, 4",
        "83 QUEENS, JOINT_INTEREST, 483, 4",
        "84 QUEENS, JOINT_INTEREST, 484, 4",
        "95 STATEN ISLAND, JOINT_INTEREST, 595, 5",
        "Unspecified BROOKLYN, UNSPECIFIED, 0, 3",
        "Unspecified STATEN ISLAND, UNSPECIFIED, 0, 5",
        "00 QUEENS, UNSPECIFIED, 0, 4",
        "0 Unspecified, UNSPECIFIED, 0, 0",
        "Unspecified, UNSPECIFIED, 0, 0",
        "N/A, UNSPECIFIED, 0, 0",
        "NA, UNSPECIFIED, 0, 0",
        "n/a, UNSPECIFIED, 0, 0",
        "19 BROOKLYN, INVALID, 0, 3",
        "13 MANHATTAN, INVALID, 0, 1",
        "13 BRONX, INVALID, 0, 2",
        "15 QUEENS, INVALID, 0, 4",
        "04 STATEN ISLAND, INVALID, 0, 5",
        "65 MANHATTAN, INVALID, 0, 1",
        "107 BROOKLYN, INVALID, 0, 3",
        "X7 BROOKLYN, INVALID, 0, 3",
        "07 HOBOKEN, INVALID, 0, 0",
        "BROOKLYN, INVALID, 0, 0",
        "307, INVALID, 0, 0",
    })
    void parsesCommunityBoardLabels(String label, Kind kind, int boroCd, int boroCode) {
        assertThat(CommunityBoards.parse(label)).isEqualTo(new ReportedBoard(kind, boroCd, boroCode));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void treatsMissingLabelsAsUnspecified(String label) {
        assertThat(CommunityBoards.parse(label)).isEqualTo(new ReportedBoard(Kind.UNSPECIFIED, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "MANHATTAN, 1",
        "Bronx, 2",
        "brooklyn, 3",
        "' QUEENS ', 4",
        "STATEN ISLAND, 5",
        "'Staten  Island', 5",
        "Unspecified, 0",
        "STATEN, 0",
        "'', 0",
    })
    void mapsBoroughNamesToCodes(String name, int code) {
        assertThat(CommunityBoards.boroCodeOf(name)).isEqualTo(code);
    }

    @Test
    void mapsNullBoroughToZero() {
        assertThat(CommunityBoards.boroCodeOf(null)).isZero();
    }

    @Test
    void knowsTheFiftyNineDistrictsAndTwelveJointInterestAreas() {
        int[] districts = IntStream.range(0, 1000)
                .filter(CommunityBoards::isRegularDistrict)
                .toArray();
        int[] jointInterestAreas = IntStream.range(0, 1000)
                .filter(CommunityBoards::isJointInterestArea)
                .toArray();

        assertThat(districts).hasSize(59).contains(101, 112, 201, 212, 301, 318, 401, 414, 501, 503);
        assertThat(districts).doesNotContain(100, 113, 213, 319, 415, 504, 164);
        assertThat(jointInterestAreas).containsExactly(164, 226, 227, 228, 355, 356, 480, 481, 482, 483, 484, 595);
    }
}
