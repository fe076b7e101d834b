package org.srmap.ingest.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.srmap.geocoder.district.Districts;
import org.srmap.ingest.generate.ProfileReport.AgencyTables;

/**
 * Everything the generator learns from the shared data folder, loaded once and then only read (so one
 * calibration can serve several runs):
 *
 * <ul>
 *   <li>{@code calibration/profile_2020-2024_16M_rows.txt}: type shares and agencies, per-type times to
 *       close, statuses, hour of creation, per-agency fill rates and time-stamp habits;
 *   <li>{@code calibration/daily_temperatures_2017-2018.csv}: the heat-season temperature curve;
 *   <li>{@code calibration/district_heat_complaints_2017-2018.geojson}: heat complaints and complaining
 *       buildings per district;
 *   <li>{@code population/census_tracts_2020_pop.geojson}: where people live;
 *   <li>{@code boundaries/community_districts_2013.geojson} and {@code boundaries/boroughs.geojson}:
 *       district and borough of every point;
 *   <li>{@code 311/}: real requests, for spellings, descriptors, agency names, channels and addresses.
 * </ul>
 */
final class Calibration {

    static final String PROFILE = "calibration/profile_2020-2024_16M_rows.txt";
    static final String TEMPERATURES = "calibration/daily_temperatures_2017-2018.csv";
    static final String HEAT_DISTRICTS = "calibration/district_heat_complaints_2017-2018.geojson";
    static final String TRACTS = "population/census_tracts_2020_pop.geojson";
    static final String DISTRICTS = "boundaries/community_districts_2013.geojson";
    static final String BOROUGHS = "boundaries/boroughs.geojson";
    static final String SAMPLES = "311";

    /**
     * Share of requests written without coordinates. A benchmark choice: the profile's 2020-2024 rows
     * miss them 1.9% of the time, older years far more often; 5% exercises that path. Agencies keep
     * their relative propensities from the profile.
     */
    static final double MISSING_COORDINATES_SHARE = 0.05;

    /** Room for the fields whose length is not measured (dates, numbers, labels). */
    private static final int SHORT_FIELD_BYTES = 64;

    private final ProfileReport profile;
    private final AgencyModels agencies;
    private final ComplaintCatalog catalog;
    private final double[] missingCoordinates;
    private final HourOfDay hours;
    private final HeatDistricts heatDistricts;
    private final HeatSeason heatSeason;
    private final Districts districts;
    private final TractSampler tracts;
    private final AddressDonors donors;

    private Calibration(Path dataDir) {
        profile = ProfileParser.parse(require(dataDir, PROFILE));
        SampleRequests samples = SampleRequests.read(require(dataDir, SAMPLES));
        agencies = AgencyModels.build(profile, samples);
        catalog = ComplaintCatalog.build(profile, samples, agencies);
        missingCoordinates = agencies.missingCoordinateProbabilities(catalog.agencyShares(), MISSING_COORDINATES_SHARE);
        AgencyTables tables = profile.agencies();
        hours = HourOfDay.of(profile.createdByHour(), sum(tables.createdAtMidnight()), sum(tables.createdAtNoon()));
        heatDistricts = HeatDistricts.load(require(dataDir, HEAT_DISTRICTS));
        heatSeason = HeatSeason.load(require(dataDir, TEMPERATURES), summerRatio(profile, heatDistricts));
        districts = Districts.load(require(dataDir, DISTRICTS), require(dataDir, BOROUGHS));
        tracts = TractSampler.load(require(dataDir, TRACTS));
        donors = AddressDonors.build(samples, districts);
    }

    /** The calibration files and folders that {@code dataDir} lacks, as paths relative to it. */
    static List<String> missing(Path dataDir) {
        return Stream.of(PROFILE, TEMPERATURES, HEAT_DISTRICTS, TRACTS, DISTRICTS, BOROUGHS, SAMPLES)
                .filter(f -> !Files.exists(dataDir.resolve(f)))
                .toList();
    }

    /**
     * Loads the calibration.
     *
     * @throws IllegalArgumentException if a file is missing or malformed; the message names it
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    static Calibration load(Path dataDir) {
        return new Calibration(dataDir);
    }

    /**
     * Out-of-season over in-season daily heat complaints: the profile gives the heat complaints of an
     * average year, the district file those of one heat season; what the season lacks of the year falls
     * in the summer months.
     */
    static double summerRatio(ProfileReport profile, HeatDistricts heat) {
        double annual = profile.topTypes().stream()
                        .filter(t -> t.name().equals(ComplaintCatalog.HEAT))
                        .mapToDouble(ProfileReport.ListedType::count)
                        .findFirst()
                        .orElseThrow(() ->
                                new IllegalArgumentException("the profile's top types lack " + ComplaintCatalog.HEAT))
                / profile.years();
        double season = heat.totalComplaints();
        int seasonDays = HeatSeason.seasonDays();
        double summerDaily = Math.max(0, annual - season) / (365 - seasonDays);
        return Math.min(1, summerDaily / (season / seasonDays));
    }

    ProfileReport profile() {
        return profile;
    }

    AgencyModels agencies() {
        return agencies;
    }

    ComplaintCatalog catalog() {
        return catalog;
    }

    /** Per agency, the probability that a request is written without coordinates. */
    double[] missingCoordinates() {
        return missingCoordinates.clone();
    }

    HourOfDay hours() {
        return hours;
    }

    HeatDistricts heatDistricts() {
        return heatDistricts;
    }

    HeatSeason heatSeason() {
        return heatSeason;
    }

    Districts districts() {
        return districts;
    }

    TractSampler tracts() {
        return tracts;
    }

    AddressDonors donors() {
        return donors;
    }

    /** The longest field any row can hold, in bytes. */
    int longestField() {
        int longest = Math.max(SHORT_FIELD_BYTES, donors.maxByteLength());
        for (ComplaintType type : catalog.types()) {
            longest = Math.max(longest, type.name().byteLength());
            for (RequestDetails d : type.closedDetails()) {
                longest = Math.max(longest, d.maxByteLength());
            }
            for (RequestDetails d : type.openDetails()) {
                longest = Math.max(longest, d.maxByteLength());
            }
        }
        for (AgencyModel agency : agencies.all()) {
            longest = Math.max(longest, agency.name().byteLength());
        }
        return longest;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Path require(Path dataDir, String relative) {
        Path path = dataDir.resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("the data folder " + dataDir.toAbsolutePath() + " lacks " + relative
                    + "; pass the shared data folder described by its SOURCES.md");
        }
        return path;
    }
}
