package org.srmap.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.srmap.ingest.generate.ProfileReport.DurationAnomalies;

class ClosureModelTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
    private static final long CREATED = TimestampText.localSeconds(LocalDateTime.of(2024, 6, 3, 14, 25, 10));
    private static final long DAY = TimestampText.SECONDS_PER_DAY;
    private static final DurationAnomalies USUAL = new DurationAnomalies(1_000_000, 0, 0, 0, 0.5);
    private static final DurationAnomalies ALL_1900 = new DurationAnomalies(1_000, 0, 1_000, 1_000, 0.5);
    private static final Map<String, Long> STATUSES = Map.of("CLOSED", 90L, "IN PROGRESS", 9L, "ASSIGNED", 1L);

    static Stream<Arguments> closings() {
        long year1900 = TimestampText.localSeconds(LocalDate.of(1900, 1, 1).atStartOfDay());
        return Stream.of(
                closing("zero-duration agency", USUAL, agency(1, 0, 0), CREATED, c -> c == CREATED),
                closing("negative-duration agency", USUAL, agency(0, 1, 0), CREATED, c -> c < CREATED),
                closing("1900 closings", ALL_1900, agency(0, 0, 0), CREATED, c -> c == year1900),
                closing("midnight-stamping agency", USUAL, agency(0, 0, 1), CREATED, c -> c % DAY == 0 && c >= CREATED),
                closing("ordinary agency", USUAL, agency(0, 0, 0), CREATED, c -> c > CREATED && c < CREATED + 60 * DAY),
                closing(
                        "request made just before the export",
                        USUAL,
                        agency(0, 0, 0),
                        TimestampText.localSeconds(LAST_DAY.atTime(23, 59)),
                        c -> c == ClosureModel.OPEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closings")
    void closesAsTheAgencyAndProfileSay(
            String name, DurationAnomalies anomalies, AgencyModel agency, long created, LongPredicate expected) {
        ClosureModel model = new ClosureModel(anomalies, STATUSES, LAST_DAY);
        SplittableRandom random = new SplittableRandom(5);

        for (int i = 0; i < 2_000; i++) {
            long closed = model.closedAt(type(agency), agency, created, random);
            assertThat(expected.test(closed))
                    .as("%s: closed at %d", name, closed)
                    .isTrue();
        }
    }

    @Test
    void updatesAreStampedAtMidnightByAgenciesThatDoSo() {
        ClosureModel model = new ClosureModel(USUAL, STATUSES, LAST_DAY);
        AgencyModel midnight = agency(0, 0, 0, 1);
        AgencyModel ordinary = agency(0, 0, 0, 0);
        SplittableRandom random = new SplittableRandom(8);
        long closed = CREATED + 3 * DAY + 100;

        assertThat(model.updatedAt(midnight, CREATED, closed, random)).isEqualTo(CREATED - CREATED % DAY + 3 * DAY);
        for (int i = 0; i < 100; i++) {
            assertThat(model.updatedAt(ordinary, CREATED, closed, random))
                    .isBetween(closed, closed + ClosureModel.MAX_UPDATE_DELAY_SECONDS);
        }
        assertThat(model.updatedAt(ordinary, CREATED, ClosureModel.OPEN, random))
                .isEqualTo(ClosureModel.NONE);
    }

    @Test
    void openStatusesAreTheProfilesOthersInTitleCase() {
        ClosureModel model = new ClosureModel(USUAL, STATUSES, LAST_DAY);
        SplittableRandom random = new SplittableRandom(3);

        long inProgress = Stream.generate(() -> model.openStatus(random).text())
                .limit(10_000)
                .filter("In Progress"::equals)
                .count();

        assertThat(inProgress).isBetween(8_700L, 9_300L);
        assertThat(model.openStatus(random).text()).isIn("In Progress", "Assigned");
        assertThat(model.exportedAt())
                .isEqualTo(TimestampText.localSeconds(LocalDate.of(2025, 1, 1).atStartOfDay()));
    }

    private static Arguments closing(
            String name, DurationAnomalies anomalies, AgencyModel agency, long created, LongPredicate expected) {
        return Arguments.of(name, anomalies, agency, created, expected);
    }

    private static AgencyModel agency(double zero, double negative, double closedAtMidnight) {
        return agency(zero, negative, closedAtMidnight, 0);
    }

    private static AgencyModel agency(double zero, double negative, double closedAtMidnight, double updatedAtMidnight) {
        return new AgencyModel(
                0,
                "TST",
                CsvField.of("TST"),
                CsvField.of("Test Agency"),
                List.of(CsvField.of("PHONE")),
                AliasTable.of(new double[] {1}),
                0,
                1,
                zero,
                negative,
                3_600,
                0,
                0,
                closedAtMidnight,
                0,
                updatedAtMidnight);
    }

    private static ComplaintType type(AgencyModel agency) {
        RequestDetails details = RequestDetails.of(new SampleRow("test", Map.of()));
        return new ComplaintType(
                "TEST",
                CsvField.of("Test"),
                List.of(agency),
                AliasTable.of(new double[] {1}),
                1,
                DAY,
                0.5,
                List.of(details),
                List.of(details));
    }
}
