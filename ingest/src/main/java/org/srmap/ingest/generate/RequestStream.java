package org.srmap.ingest.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * The generation loop: day by day, the day's requests in creation order, each with its type, agency,
 * place, closing, status and fields, written as it is drawn. Memory does not grow with the number of
 * rows. Every random choice comes from one {@link SplittableRandom}, in a fixed order, and all
 * transcendental functions go through {@link StrictMath}, so a seed gives the same bytes everywhere.
 */
final class RequestStream {

    /** The first Unique Key: real 2023-2024 keys run from about 56 to 64 million (profile examples). */
    static final long FIRST_KEY = 60_000_000L;

    /** Share of keys followed by a small gap (requests of datasets not exported); hand-chosen. */
    static final double KEY_GAP_SHARE = 0.02;

    static final int MAX_KEY_GAP = 9;

    /**
     * Share of the heat agency's other complaints (plumbing, paint, leaks...) made from the heat
     * buildings, where housing problems concentrate; hand-chosen.
     */
    static final double HOUSING_FROM_HEAT_BUILDINGS = 0.5;

    private static final int BUFFER_BYTES = 1 << 20;

    private final Calibration calibration;
    private final GeneratorSpec spec;
    private final DailyVolume volume;
    private final Sites places;
    private final HeatBuildings buildings;
    private final ClosureModel closure;
    private final SplittableRandom random;
    private final boolean[] housingAgency;

    RequestStream(
            Calibration calibration,
            GeneratorSpec spec,
            DailyVolume volume,
            Sites places,
            HeatBuildings buildings,
            ClosureModel closure,
            SplittableRandom random) {
        this.calibration = calibration;
        this.spec = spec;
        this.volume = volume;
        this.places = places;
        this.buildings = buildings;
        this.closure = closure;
        this.random = random;
        this.housingAgency = new boolean[calibration.agencies().all().size()];
        for (AgencyModel agency : calibration.catalog().heat().agencies()) {
            housingAgency[agency.index()] = true;
        }
    }

    /** Writes the header and every row, flushes, and tells what was written. Does not close {@code out}. */
    GeneratorStats writeTo(OutputStream out) throws IOException {
        RowBuffer buffer = new RowBuffer(out, BUFFER_BYTES);
        TimestampText times =
                new TimestampText(spec.from().minusYears(2), spec.to().plusDays(2));
        RowWriter writer = new RowWriter(buffer, times, calibration.longestField());
        writer.header();
        HourOfDay hours = calibration.hours();
        HourOfDay.SortedUniforms clock = new HourOfDay.SortedUniforms();
        ComplaintCatalog catalog = calibration.catalog();
        double[] noCoordinates = calibration.missingCoordinates();
        long key = FIRST_KEY;
        long written = 0;
        long withoutCoordinates = 0;
        long defective = 0;
        long heat = 0;
        long open = 0;
        long zero = 0;
        long negative = 0;
        for (int day = 0; day < volume.days(); day++) {
            long rows = volume.rows(day);
            long midnight = TimestampText.localSeconds(volume.day(day).atStartOfDay());
            double heatShare = volume.heatShare(day);
            clock.start(rows);
            for (long i = 0; i < rows; i++) {
                long created = midnight + hours.secondOfDay(clock.next(random));
                boolean isHeat = random.nextDouble() < heatShare;
                ComplaintType type = isHeat ? catalog.heat() : catalog.drawOther(random);
                AgencyModel agency = type.agency(random);
                double stamp = random.nextDouble();
                if (stamp < agency.createdAtMidnight()) {
                    created = midnight;
                } else if (stamp < agency.createdAtMidnight() + agency.createdAtNoon()) {
                    created = midnight + TimestampText.SECONDS_PER_DAY / 2;
                }
                boolean fromBuilding =
                        isHeat || (housingAgency[agency.index()] && random.nextDouble() < HOUSING_FROM_HEAT_BUILDINGS);
                Sites sites = fromBuilding ? buildings.sites() : places;
                int site = fromBuilding ? buildings.draw(random) : random.nextInt(places.size());
                long closed = closure.closedAt(type, agency, created, random);
                long updated = closure.updatedAt(agency, created, closed, random);
                boolean isOpen = closed == ClosureModel.OPEN;
                boolean coordinates = random.nextDouble() >= noCoordinates[agency.index()];
                boolean address = coordinates || random.nextDouble() < agency.addressFill();
                DefectKind defect = random.nextDouble() < spec.defectRate() ? DefectKind.draw(random) : DefectKind.NONE;
                int variant = defect == DefectKind.NONE ? 0 : random.nextInt(Integer.MAX_VALUE);
                writer.write(new GeneratedRequest(
                        key,
                        created,
                        closed,
                        updated,
                        type,
                        agency,
                        type.details(isOpen, random),
                        isOpen ? closure.openStatus(random) : ClosureModel.CLOSED,
                        agency.channel(random),
                        sites,
                        site,
                        coordinates,
                        address,
                        defect,
                        variant));
                written++;
                withoutCoordinates += coordinates ? 0 : 1;
                defective += defect == DefectKind.NONE ? 0 : 1;
                heat += isHeat ? 1 : 0;
                open += isOpen ? 1 : 0;
                zero += !isOpen && closed == created ? 1 : 0;
                negative += !isOpen && closed < created ? 1 : 0;
                key += 1 + (random.nextDouble() < KEY_GAP_SHARE ? 1 + random.nextInt(MAX_KEY_GAP) : 0);
            }
        }
        buffer.flush();
        return new GeneratorStats(
                written,
                withoutCoordinates,
                defective,
                heat,
                open,
                zero,
                negative,
                places.size(),
                buildings.sites().size());
    }
}
