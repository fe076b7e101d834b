package org.srmap.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadPlanTest {

    @ParameterizedTest
    @CsvSource({
        // source bytes, table rows, direct, bulk
        "-1, 0, false, false", // unsized (the API): staged
        "1000000, 0, false, false", // 2,000 rows: staged
        "25000000, 0, true, false", // 50,000 rows into an empty table: direct
        "50000000, 0, true, true", // 100,000 rows into an empty table: bulk
        "50000000, 150000, true, true", // 100,000 rows, half the table or more: bulk
        "50000000, 300000, true, false", // 100,000 rows, a third of the table: direct only
        "1000000000, 40000000, true, false", // 2M rows into the whole history (a twentieth): direct
        "500000000, 40000000, false, false", // 1M rows, a fortieth of the table: staged
    })
    void choosesThePathFromTheSourceAndTableSizes(long bytes, long tableRows, boolean direct, boolean bulk) {
        LoadPlan plan = LoadPlan.decide(bytes, tableRows, LoadPlan.Policy.DEFAULT);
        assertThat(plan.direct()).isEqualTo(direct);
        assertThat(plan.bulk()).isEqualTo(bulk);
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 1000, 10000000, true, true", "0, 9223372036854775807, 1000, 10000000, true, false"})
    void zeroThresholdsTakeTheirPathForEverySizedSource(
            long directMin, long bulkMin, long bytes, long tableRows, boolean direct, boolean bulk) {
        LoadPlan plan = LoadPlan.decide(bytes, tableRows, new LoadPlan.Policy(directMin, bulkMin));
        assertThat(plan.direct()).isEqualTo(direct);
        assertThat(plan.bulk()).isEqualTo(bulk);
        assertThat(LoadPlan.decide(-1, tableRows, new LoadPlan.Policy(directMin, bulkMin))
                        .direct())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"false, true, 'a bulk load must be direct'", "true, false, 'row estimates must be >= 0'"})
    void rejectsInconsistentPlans(boolean direct, boolean bulk, String message) {
        assertThatThrownBy(() -> new LoadPlan(direct, bulk, direct ? -1 : 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
