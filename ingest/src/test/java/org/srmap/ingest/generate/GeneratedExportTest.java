package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.srmap.ingest.generate.ProfileReport.ListedType;

/** Generates 200,000 requests over 2023-2024 once and checks them against the real data. */
class GeneratedExportTest {

    private static final long ROWS = 200_000;

    @TempDir
    static Path dir;

    private static Calibration calibration;
    private static GeneratorStats stats;
    private static ExportSummary export;

    @BeforeAll
    static void generate() throws IOException {
        calibration = SharedData.calibration();
        Path file = dir.resolve("export.csv");
        GeneratorSpec spec =
                new GeneratorSpec(ROWS, 2024, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), SharedData.dir());
        try (OutputStream out = Files.newOutputStream(file)) {
            stats = Generator.write(calibration, spec, out);
        }
        export = ExportSummary.read(file, calibration.districts());
        System.out.printf(
                "generated %,d rows: %s%n  without coordinates %.2f%%, defective %.2f%%, heat %.2f%%, open %.2f%%,"
                        + " zero duration %.2f%% and closed before created %.3f%% of closed, board agreement %.2f%%,"
                        + " heat January %.1f%% July %.2f%%, top 1%% of %,d heat buildings %.1f%% of heat,"
                        + " types not generated %.2f%% of the profile%n",
                ROWS,
                stats,
                100.0 * export.withoutCoordinates / export.valid,
                100.0 * export.defective / export.records,
                100.0 * export.typeShare(ComplaintCatalog.HEAT),
                100.0 * export.open / export.valid,
                100.0 * export.zeroDuration / export.closed,
                100.0 * export.closedBeforeCreated / export.closed,
                100.0 * export.boardAgrees / export.withCoordinates,
                100 * export.heatShareIn(1),
                100 * export.heatShareIn(7),
                export.heatByBuilding.size(),
                100 * export.topBuildingShare(0.01),
                100 * calibration.catalog().droppedShare());
    }

    @Test
    void headerIsTheRealOpenDataExportHeader() throws IOException {
        try (BufferedReader real = Files.newBufferedReader(
                SharedData.dir().resolve("311/export_2022-05-01.csv"), StandardCharsets.UTF_8)) {
            assertThat(String.join(",", export.header)).isEqualTo(real.readLine());
        }
        assertThat(export.header).hasSize(41);
    }

    @Test
    void everyRowParsesAndTheStatsMatchTheFile() {
        assertThat(export.records).isEqualTo(ROWS).isEqualTo(stats.rows());
        assertThat(export.defective).isEqualTo(stats.defective());
        assertThat(export.valid + export.defective).isEqualTo(ROWS);
    }

    static Stream<ListedType> topTypes() {
        return SharedData.calibration().profile().topTypes().stream().limit(10);
    }

    @ParameterizedTest
    @MethodSource("topTypes")
    void topComplaintTypesHaveTheProfileShares(ListedType type) {
        double profileShare = (double) type.count() / calibration.profile().totalRows();

        assertThat(export.typeShare(type.name())).isCloseTo(profileShare, within(0.1 * profileShare + 0.002));
    }

    @Test
    void heatComplaintsRiseInWinterAndAlmostVanishInSummer() {
        assertThat(export.heatShareIn(1)).isGreaterThan(0.10).isGreaterThan(5 * export.heatShareIn(7));
        assertThat(export.heatShareIn(7)).isLessThan(0.02);
        assertThat(export.typeShare(ComplaintCatalog.HEAT)).isCloseTo(0.0702, within(0.01));
    }

    @Test
    void aboutFivePercentOfRowsLackCoordinates() {
        assertThat((double) export.withoutCoordinates / export.valid).isBetween(0.04, 0.06);
    }

    @Test
    void aboutOnePercentOfRowsAreDefective() {
        assertThat((double) export.defective / export.records).isBetween(0.005, 0.015);
    }

    @Test
    void pointsLieInTheCityAndTheirBoardNamesTheirDistrict() {
        assertThat(export.outsideDistricts).isZero();
        assertThat((double) export.boardAgrees / export.withCoordinates).isBetween(0.985, 0.999);
        assertThat(export.worstStatePlaneFeet).isLessThanOrEqualTo(0.6);
        assertThat(export.locationMismatches).isZero();
    }

    @Test
    void heatComplaintsComeFromFewRepeatBuildings() {
        long heat = export.heatByBuilding.values().stream()
                .mapToLong(Long::longValue)
                .sum();

        assertThat((double) heat / export.heatByBuilding.size()).isGreaterThan(5);
        assertThat(export.topBuildingShare(0.01)).isGreaterThan(0.05);
        assertThat(export.topBuildingShare(0.10)).isGreaterThan(0.25);
    }

    @Test
    void closingTimesHaveTheProfilesZeroAndNegativeDurations() {
        assertThat((double) export.zeroDuration / export.closed).isBetween(0.020, 0.032);
        assertThat((double) export.closedBeforeCreated / export.closed).isBetween(0.001, 0.0045);
    }

    @Test
    void recentRequestsAreMoreOftenStillOpen() {
        assertThat(export.open).isPositive();
        assertThat(export.openWithClosedDate).isZero();
        assertThat(export.meanCreatedDayOfOpen).isGreaterThan(export.meanCreatedDayOfClosed + 60);
        assertThat(export.statuses.keySet()).contains("Closed", "In Progress", "Open", "Assigned");
        // Open rows made defective are not read back as open.
        assertThat(export.open).isBetween((long) (0.97 * stats.stillOpen()), stats.stillOpen());
    }

    @Test
    void uniqueKeysIncreaseFromSixtyMillion() {
        assertThat(export.firstKey).isEqualTo(RequestStream.FIRST_KEY);
        assertThat(export.keysOutOfOrder).isZero();
    }

    @Test
    void agenciesOfGeneratedTypesAreKnownToTheProfile() {
        List<String> profileAgencies = calibration.profile().agencies().names();
        for (ComplaintType type : calibration.catalog().types()) {
            assertThat(type.agencies())
                    .allSatisfy(a -> assertThat(profileAgencies).contains(a.code()));
        }
    }
}
