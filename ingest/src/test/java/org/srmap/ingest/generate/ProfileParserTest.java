package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.srmap.ingest.generate.ProfileReport.AgencyTables;

class ProfileParserTest {

    private static ProfileReport profile;

    @BeforeAll
    static void parse() {
        profile = ProfileParser.parse(SharedData.dir().resolve(Calibration.PROFILE));
    }

    @Test
    void readsTheTotalsAndTheTopComplaintTypes() {
        assertThat(profile.totalRows()).isEqualTo(16_016_700);
        assertThat(profile.years()).isEqualTo(5);
        assertThat(profile.topTypes()).hasSize(20);
        assertThat(profile.topTypes().get(2))
                .isEqualTo(new ProfileReport.ListedType("HEAT/HOT WATER", 1_125_093, "HPD"));
        assertThat(profile.topTypes().get(9).agency()).isEqualTo("MULTIPLE");
        assertThat(profile.typeDurations()).hasSize(185);
        assertThat(profile.statuses()).containsEntry("CLOSED", 15_774_141L).containsEntry("IN PROGRESS", 149_908L);
        assertThat(profile.createdByHour().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(profile.totalRows());
    }

    static Stream<Arguments> agencyFigures() {
        return Stream.of(
                figure("latitude filled by NYPD", t -> t.filled("latitude", "NYPD"), 6_862_021),
                figure("closed dates of DOHMH", t -> t.filled("closed_date", "DOHMH"), 370_204),
                figure(
                        "created at midnight by DOHMH",
                        t -> t.createdAtMidnight().get("DOHMH"),
                        11_121),
                figure("created at noon by DSNY", t -> t.createdAtNoon().get("DSNY"), 30_733),
                figure("closed at midnight by DSNY", t -> t.closedAtMidnight().get("DSNY"), 648_499),
                figure("closed at noon by DSNY", t -> t.closedAtNoon().get("DSNY"), 280_032),
                figure("updated at midnight by HPD", t -> t.updatedAtMidnight().get("HPD"), 2_661_746),
                figure("zero durations of DOHMH", t -> t.zeroDurations().get("DOHMH"), 139_850),
                figure("negative durations of DOT", t -> t.negativeDurations().get("DOT"), 44_143));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agencyFigures")
    void readsThePerAgencyTables(String what, Function<AgencyTables, Long> figure, long expected) {
        assertThat(figure.apply(profile.agencies())).isEqualTo(expected);
    }

    @Test
    void readsTheAgenciesAndTheClosingAnomalies() {
        assertThat(profile.agencies().names())
                .hasSize(16)
                .startsWith("DCWP", "DEP")
                .contains("HPD", "NYPD");
        assertThat(profile.agencies().negativeMedianDays()).containsEntry("DOT", 2.96);
        assertThat(profile.durations())
                .isEqualTo(new ProfileReport.DurationAnomalies(15_785_892, 387_329, 45_296, 115, 0.5355));
        assertThat(profile.durations().postClosedUpdateShare()).isCloseTo(0.5355, within(1e-9));
    }

    @Test
    void namesTheFileAndTheMissingTable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("profile.txt");
        Files.writeString(file, "Rows in the 311 SR dataset: 10\nYear-by-year counts:\n  2020: 10\n\n");

        assertThatThrownBy(() -> ProfileParser.parse(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("complaint_type(s) and responsible agency:");
    }

    private static Arguments figure(String what, Function<AgencyTables, Long> figure, long expected) {
        return Arguments.of(what, figure, expected);
    }
}
