package org.srmap.geocoder.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.srmap.geocoder.crs.LonLat;

class GazetteerTest {

    private static final AddressKey BRONX_BUILDING = new AddressKey("655", "EAST 230 STREET", "10466");
    private static final AddressKey QUEENS_BUILDING = new AddressKey("73-42", "68 AVENUE", "11379");

    @Test
    void placesAnAddressAtTheMeanOfItsPoints() {
        Gazetteer gazetteer = new Gazetteer();
        gazetteer.add(BRONX_BUILDING, -73.8500, 40.8900);
        gazetteer.add(BRONX_BUILDING, -73.8502, 40.8904);
        gazetteer.add(
                AddressNormalizer.normalize("655 E 230TH ST", "10466", "BRONX").orElseThrow(), -73.8504, 40.8902);

        LonLat position = gazetteer.lookup(BRONX_BUILDING).orElseThrow();

        assertThat(position.lon()).isCloseTo(-73.8502, within(1e-12));
        assertThat(position.lat()).isCloseTo(40.8902, within(1e-12));
        assertThat(gazetteer.size()).isEqualTo(1);
    }

    @Test
    void placesNothingForAnUnknownAddress() {
        Gazetteer gazetteer = new Gazetteer();
        gazetteer.add(BRONX_BUILDING, -73.85, 40.89);

        assertThat(gazetteer.lookup(QUEENS_BUILDING)).isEmpty();
        assertThat(gazetteer.lookup(new AddressKey("655", "EAST 230 STREET", "BRONX")))
                .isEmpty();
    }

    @Test
    void rejectsInvalidPositions() {
        Gazetteer gazetteer = new Gazetteer();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> gazetteer.add(BRONX_BUILDING, Double.NaN, 40.89))
                .withMessage("lon must be -180..180, was NaN");
        assertThat(gazetteer.size()).isZero();
    }

    @Test
    void accumulatesConcurrentAddsExactly() throws Exception {
        Gazetteer gazetteer = new Gazetteer();
        int keys = 100;
        int addsPerThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < addsPerThread; i++) {
                        AddressKey key = new AddressKey(Integer.toString(1 + i % keys), "MAIN STREET", "11354");
                        // Each thread adds the same total offset per key, so the mean is exact.
                        double offset = (thread % 2 == 0 ? 1 : -1) * 0.001;
                        gazetteer.add(key, -73.8 + offset, 40.7 - offset);
                        gazetteer.lookup(key);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(gazetteer.size()).isEqualTo(keys);
        for (int k = 1; k <= keys; k++) {
            LonLat mean = gazetteer
                    .lookup(new AddressKey(Integer.toString(k), "MAIN STREET", "11354"))
                    .orElseThrow();
            assertThat(mean.lon()).isCloseTo(-73.8, within(1e-9));
            assertThat(mean.lat()).isCloseTo(40.7, within(1e-9));
        }
    }
}
