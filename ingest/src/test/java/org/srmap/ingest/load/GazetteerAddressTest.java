package org.srmap.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerAddressTest {
    private static GazetteerAddress address() {
        return new GazetteerAddress("350|5 AVENUE|10118", "350|5 AVENUE|1");
    }

    @Test
    void sumsThePointsOfOneLearnerAndAsksToBeListedOnlyOnce() {
        GazetteerAddress a = address();
        GazetteerLearner learner = new GazetteerLearner(null);

        assertThat(a.add(learner, -73.98, 40.74)).isTrue();
        assertThat(a.add(learner, -73.99, 40.76)).isFalse();

        assertThat(a.n()).isEqualTo(2);
        assertThat(a.sumLon()).isEqualTo(-73.98 + -73.99);
        assertThat(a.sumLat()).isEqualTo(40.74 + 40.76);
    }

    @Test
    void discardsSumsLeftByALearnerWhoseSourceFailed() {
        GazetteerAddress a = address();
        GazetteerLearner failed = new GazetteerLearner(null);
        GazetteerLearner next = new GazetteerLearner(null);
        a.add(failed, -73.90, 40.70);
        a.add(failed, -73.91, 40.71);

        assertThat(a.add(next, -74.00, 40.60)).isTrue();

        assertThat(a.n()).isEqualTo(1);
        assertThat(a.sumLon()).isEqualTo(-74.00);
        assertThat(a.sumLat()).isEqualTo(40.60);
    }

    @Test
    void isListedAgainAfterItsSumsWereWritten() {
        GazetteerAddress a = address();
        GazetteerLearner learner = new GazetteerLearner(null);
        a.add(learner, -73.98, 40.74);
        a.written();

        assertThat(a.n()).isZero();
        assertThat(a.add(learner, -73.97, 40.75)).isTrue();
        assertThat(a.sumLon()).isEqualTo(-73.97);
    }

    @Test
    void noAddressHasNoKeyToLearn() {
        assertThat(GazetteerAddress.NONE.hasKey()).isFalse();
        assertThat(new GazetteerAddress(null, "1|MAIN STREET|4").hasKey()).isTrue();
    }
}
