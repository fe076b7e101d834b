package org.srmap.ingest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.srmap.ingest.reference.ReferenceLoader;
import org.srmap.sql.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code srmap load-reference DIR}: loads districts, population, NTAs, tracts and facilities. */
@Command(
        name = "load-reference",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = "Replace the reference data from DIR, laid out like ../shared/data: boundaries/"
                + " (boroughs, community districts, NTAs), population/ (2020 census tracts) and facilities/"
                + " (cooling centers, libraries). District population is summed from the tracts.")
final class LoadReferenceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The data directory.")
    Path dir;

    @Override
    public Integer call() throws SQLException, IOException {
        Database db = Database.fromEnvironment();
        db.migrate();
        ReferenceLoader.Report r;
        try {
            r = ReferenceLoader.load(db, dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        System.out.printf(
                "Reference data loaded from %s:%n  %d boroughs, %d community districts, %d NTAs, %d census tracts,"
                        + " %d facilities%n  population: %,d in tracts, %,d assigned to districts%n"
                        + "  %,d H3 cell centres (where requests of sensitive types are shown)%n",
                dir,
                r.boroughs(),
                r.districts(),
                r.ntas(),
                r.tracts(),
                r.facilities(),
                r.tractPopulation(),
                r.districtPopulation(),
                r.cellCentres());
        if (r.problems().total() > 0) {
            System.out.println("  not loaded, by reason: " + r.problems().toJson());
        }
        for (String warning : r.warnings()) {
            System.out.println("  note: " + warning);
        }
        return 0;
    }
}
