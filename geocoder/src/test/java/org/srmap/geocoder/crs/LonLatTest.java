package org.srmap.geocoder.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LonLatTest {

    @ParameterizedTest
    @CsvSource({
        "-180, -90",
        "180, 90",
        "-73.985, 40.758",
        "0, 0",
    })
    void acceptsPositionsWithinRange(double lon, double lat) {
        LonLat position = new LonLat(lon, lat);

        assertThat(position.lon()).isEqualTo(lon);
        assertThat(position.lat()).isEqualTo(lat);
    }

    @ParameterizedTest
    @CsvSource({
        "181, 40, 'lon must be -180..180, was 181.0'",
        "-180.5, 40, 'lon must be -180..180, was -180.5'",
        "NaN, 40, 'lon must be -180..180, was NaN'",
        "Infinity, 40, 'lon must be -180..180, was Infinity'",
        "-73.9, 95, 'lat must be -90..90, was 95.0'",
        "-73.9, -90.01, 'lat must be -90..90, was -90.01'",
        "-73.9, NaN, 'lat must be -90..90, was NaN'",
    })
    void rejectsPositionsOutOfRange(double lon, double lat, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LonLat(lon, lat))
                .withMessage(message);
    }
}
