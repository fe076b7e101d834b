package org.srmap.geocoder.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.testing.Distances;
import org.srmap.geocoder.testing.ServiceRequestCsv;
import org.srmap.geocoder.testing.ServiceRequestCsv.Column;
import org.srmap.geocoder.testing.ServiceRequestCsv.Row;

class GazetteerRealDataTest {

    /**
     * A 311 row reduced to its normalised address (with its ZIP, or else its borough), the same address
     * keyed by borough alone, and its position if it has one.
     */
    private record Addressed(
            String uniqueKey, AddressKey key, Optional<AddressKey> boroughKey, Optional<LonLat> position) {}

    private static List<Addressed> rows;
    private static int rowsWithAddress;

    @BeforeAll
    static void read() throws IOException {
        rows = new ArrayList<>();
        for (Row row : ServiceRequestCsv.readAll()) {
            if (row.get(Column.INCIDENT_ADDRESS).isEmpty()) {
                continue;
            }
            rowsWithAddress++;
            String address = row.get(Column.INCIDENT_ADDRESS);
            String borough = row.get(Column.BOROUGH);
            Optional<AddressKey> boroughKey = AddressNormalizer.normalize(address, null, borough);
            AddressNormalizer.normalize(address, row.get(Column.INCIDENT_ZIP), borough)
                    .ifPresent(
                            key -> rows.add(new Addressed(row.get(Column.UNIQUE_KEY), key, boroughKey, position(row))));
        }
    }

    @Test
    void placesRowsThatHaveAnAddressButNoPosition() {
        // Each geocoded row is added under its ZIP key and under its borough key, so that rows without
        // a ZIP (often the ones without a position) can still be placed.
        Gazetteer gazetteer = new Gazetteer();
        for (Addressed row : rows) {
            row.position().ifPresent(p -> {
                gazetteer.add(row.key(), p.lon(), p.lat());
                row.boroughKey().ifPresent(key -> gazetteer.add(key, p.lon(), p.lat()));
            });
        }
        List<Addressed> unplaced =
                rows.stream().filter(r -> r.position().isEmpty()).toList();

        long byZip = unplaced.stream()
                .filter(r -> gazetteer.lookup(r.key()).isPresent())
                .count();
        long byZipOrBorough = unplaced.stream()
                .filter(r -> gazetteer.lookup(r.key()).isPresent()
                        || r.boroughKey().flatMap(gazetteer::lookup).isPresent())
                .count();

        System.out.printf(
                Locale.ROOT,
                "gazetteer: %d of %d rows with an address normalise to a key; %d keys from geocoded rows;"
                        + " of %d keyed rows without lat/lon, %d are placed by their own key, %d with the"
                        + " borough key as fallback%n",
                rows.size(),
                rowsWithAddress,
                gazetteer.size(),
                unplaced.size(),
                byZip,
                byZipOrBorough);
        assertThat(rows.size()).isGreaterThan(rowsWithAddress * 9 / 10);
        assertThat(gazetteer.size()).isGreaterThan(8_000);
        assertThat(unplaced).hasSizeGreaterThan(20);
        assertThat(byZipOrBorough).isGreaterThanOrEqualTo(byZip).isLessThanOrEqualTo(unplaced.size());
    }

    @Test
    void placesHeldOutAddressesNearTheirTruePosition() {
        Gazetteer gazetteer = new Gazetteer();
        List<Addressed> heldOut = new ArrayList<>();
        for (Addressed row : rows) {
            if (row.position().isEmpty()) {
                continue;
            }
            if (Math.floorMod(row.uniqueKey().hashCode(), 5) == 0) {
                heldOut.add(row);
            } else {
                gazetteer.add(
                        row.key(),
                        row.position().get().lon(),
                        row.position().get().lat());
            }
        }

        int found = 0;
        int near = 0;
        for (Addressed row : heldOut) {
            Optional<LonLat> placed = gazetteer.lookup(row.key());
            if (placed.isPresent()) {
                found++;
                near += Distances.metres(placed.get(), row.position().get()) <= 100 ? 1 : 0;
            }
        }

        double percent = 100.0 * near / found;
        System.out.printf(
                Locale.ROOT,
                "gazetteer hold-out: %d of %d held-out geocoded rows found; %.1f%% of those within 100 m%n",
                found,
                heldOut.size(),
                percent);
        assertThat(found).isGreaterThan(200);
        assertThat(percent).isGreaterThanOrEqualTo(95.0);
    }

    private static Optional<LonLat> position(Row row) {
        OptionalDouble lat = row.number(Column.LATITUDE);
        OptionalDouble lon = row.number(Column.LONGITUDE);
        if (lat.isEmpty() || lon.isEmpty() || !Projections.insideNycEnvelope(lon.getAsDouble(), lat.getAsDouble())) {
            return Optional.empty();
        }
        return Optional.of(new LonLat(lon.getAsDouble(), lat.getAsDouble()));
    }
}
