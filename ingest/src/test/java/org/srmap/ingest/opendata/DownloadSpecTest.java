package org.srmap.ingest.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadSpecTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "https://data.cityofnewyork.us, https://api.census.gov, 0,   50000, 60, \"days must be 1..365, was 0\"",
                "https://data.cityofnewyork.us, https://api.census.gov, 366, 50000, 60, \"days must be 1..365, was 366\"",
                "https://data.cityofnewyork.us, https://api.census.gov, 7,   0,     60, \"pageSize must be 1..50000, was 0\"",
                "https://data.cityofnewyork.us, https://api.census.gov, 7,   50001, 60,"
                        + " \"pageSize must be 1..50000, was 50001\"",
                "https://data.cityofnewyork.us, https://api.census.gov, 7,   1000,  0,  \"timeout must be positive, was 0 s\"",
                "ftp://data.cityofnewyork.us,   https://api.census.gov, 7,   1000,  60,"
                        + " \"openDataUrl must be an http(s) URL, was 'ftp://data.cityofnewyork.us'\"",
                "https://data.cityofnewyork.us, census,                 7,   1000,  60,"
                        + " \"censusUrl must be an http(s) URL, was 'census'\"",
            })
    void refusesOutOfRangeValuesWithAMessageNamingThem(
            String openData, String census, int days, int pageSize, long timeout, String message) {
        assertThatThrownBy(() -> new DownloadSpec(
                        Path.of("cache"),
                        URI.create(openData),
                        URI.create(census),
                        days,
                        pageSize,
                        Duration.ofSeconds(timeout),
                        false,
                        TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsTheDefaults() {
        DownloadSpec spec = new DownloadSpec(
                Path.of("cache"),
                URI.create("https://data.cityofnewyork.us"),
                URI.create("https://api.census.gov"),
                7,
                50_000,
                Duration.ofSeconds(120),
                false,
                TODAY);
        assertThat(RecentRequests.file(spec.today().minusDays(spec.days()), spec.today()))
                .isEqualTo("311/erm2-nwe9_2026-11-15_2026-11-22.json");
    }
}
