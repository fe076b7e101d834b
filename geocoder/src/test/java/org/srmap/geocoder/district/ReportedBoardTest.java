package org.srmap.geocoder.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.geocoder.district.ReportedBoard.Kind;

class ReportedBoardTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DISTRICT | 319 | 3 | boroCd must be a community district",
                "DISTRICT | 0 | 0 | boroCd must be a community district",
                "JOINT_INTEREST | 307 | 3 | boroCd must be a joint interest area",
                "UNSPECIFIED | 307 | 3 | boroCd must be 0 for UNSPECIFIED, was 307",
                "INVALID | 119 | 1 | boroCd must be 0 for INVALID, was 119",
                "DISTRICT | 307 | 2 | boroCode must be 3 for boroCd 307, was 2",
                "UNSPECIFIED | 0 | 6 | boroCode must be 0..5, was 6",
            })
    void rejectsInconsistentValues(Kind kind, int boroCd, int boroCode, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportedBoard(kind, boroCd, boroCode))
                .withMessageStartingWith(message);
    }

    @Test
    void tellsWhetherADistrictIsNamed() {
        assertThat(new ReportedBoard(Kind.DISTRICT, 307, 3).hasBoroCd()).isTrue();
        assertThat(new ReportedBoard(Kind.JOINT_INTEREST, 595, 5).hasBoroCd()).isTrue();
        assertThat(new ReportedBoard(Kind.UNSPECIFIED, 0, 3).hasBoroCd()).isFalse();
    }
}
