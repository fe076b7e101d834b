package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    private final Calibration calibration = SharedData.calibration();

    @Test
    void generatedTypesCoverAlmostAllRequestsOfTheProfile() {
        double shares = calibration.catalog().types().stream()
                .mapToDouble(ComplaintType::share)
                .sum();

        assertThat(shares).isCloseTo(1, within(1e-9));
        assertThat(calibration.catalog().droppedShare()).isBetween(0.0, 0.02);
        assertThat(calibration.catalog().types().size()).isGreaterThan(120);
        assertThat(calibration.catalog().heat().name().text()).isEqualTo("HEAT/HOT WATER");
        assertThat(calibration.catalog().heat().agencies())
                .extracting(AgencyModel::code)
                .containsExactly("HPD");
    }

    @Test
    void heatRateFollowsTheColdAndIsNearZeroInSummer() {
        HeatSeason season = calibration.heatSeason();
        double year = 0;
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() == 2023; d = d.plusDays(1)) {
            year += season.rate(d);
        }

        assertThat(year / 365).isCloseTo(1, within(1e-9));
        assertThat(season.rate(LocalDate.of(2024, 1, 15))).isGreaterThan(10 * season.rate(LocalDate.of(2024, 7, 15)));
        assertThat(season.rate(LocalDate.of(2024, 1, 15))).isGreaterThan(season.rate(LocalDate.of(2024, 10, 15)));
        assertThat(Calibration.summerRatio(calibration.profile(), calibration.heatDistricts()))
                .isBetween(0.05, 0.2);
    }

    @Test
    void missingCoordinatesAverageFivePercentOverTheAgencyMix() {
        double[] missing = calibration.missingCoordinates();
        double[] shares = calibration.catalog().agencyShares();
        double overall = 0;
        for (int i = 0; i < missing.length; i++) {
            overall += missing[i] * shares[i];
        }

        assertThat(overall).isCloseTo(Calibration.MISSING_COORDINATES_SHARE, within(1e-6));
        AgencyModel police = calibration.agencies().find("NYPD").orElseThrow();
        AgencyModel transport = calibration.agencies().find("DOT").orElseThrow();
        assertThat(missing[transport.index()]).isGreaterThan(missing[police.index()]);
    }

    @Test
    void agenciesHaveNamesAndRecentChannels() {
        assertThat(calibration.agencies().all()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(calibration.agencies().find("HPD").orElseThrow().name().text())
                .isEqualTo("Department of Housing Preservation and Development");
        for (AgencyModel agency : calibration.agencies().all()) {
            assertThat(agency.channelNames())
                    .extracting(CsvField::text)
                    .isSubsetOf("PHONE", "ONLINE", "MOBILE", "UNKNOWN", "OTHER");
        }
        assertThat(calibration.donors().size()).isGreaterThan(10_000);
    }

    @Test
    void aMissingDataFolderIsNamedInTheError(@TempDir Path empty) {
        assertThatThrownBy(() -> Calibration.load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toAbsolutePath().toString())
                .hasMessageContaining(Calibration.PROFILE);
    }
}
