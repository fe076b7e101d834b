package org.srmap.ingest.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.srmap.geocoder.geojson.GeoJsonFeatures;
import org.srmap.ingest.reference.ReferenceLoader;

/**
 * Fills a cache directory from NYC Open Data (and the Census API for tract population), laid out like
 * the shared data folder so that {@code load-reference} and {@code ingest} read it unchanged: boroughs,
 * community districts, 2020 NTAs, 2020 tracts with population, public libraries and the last days of
 * 311 requests. Files already cached are kept unless the spec asks for a refresh; every file is written
 * atomically. Progress goes to the given stream, one line per step.
 *
 * <p>Not downloaded: the NYC Emergency Management cooling-center list, which NYC Open Data does not
 * publish (the reference loader then loads no cooling centers and says so).
 */
public final class OpenDataDownload {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run did: cache files (relative paths) fetched now and those already there. */
    public record Report(Path directory, List<String> downloaded, List<String> cached) {
        public Report {
            downloaded = List.copyOf(downloaded);
            cached = List.copyOf(cached);
        }
    }

    private final DownloadSpec spec;
    private final OpenDataClient client;
    private final PrintStream progress;

    public OpenDataDownload(DownloadSpec spec, PrintStream progress) {
        this.spec = spec;
        this.client = new OpenDataClient(spec.openDataUrl(), spec.censusUrl(), spec.timeout());
        this.progress = progress;
    }

    /**
     * Downloads whatever is not cached yet.
     *
     * @throws DownloadException if a dataset cannot be fetched or is not what it should be
     * @throws UncheckedIOException if the cache cannot be written
     */
    public Report run() {
        List<String> downloaded = new ArrayList<>();
        List<String> cached = new ArrayList<>();
        try {
            for (Layer layer : Layer.values()) {
                step(layer.file(), downloaded, cached, target -> layer(layer, target));
            }
            step(ReferenceLoader.LIBRARIES, downloaded, cached, this::libraries);
            String requests = RecentRequests.file(spec.today().minusDays(spec.days()), spec.today());
            step(requests, downloaded, cached, this::requests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache in " + spec.directory() + ": " + e, e);
        }
        return new Report(spec.directory(), downloaded, cached);
    }

    private interface Fetch {
        void into(Path target) throws IOException;
    }

    private void step(String file, List<String> downloaded, List<String> cached, Fetch fetch) throws IOException {
        Path target = spec.directory().resolve(file);
        if (Files.isRegularFile(target) && !spec.refresh()) {
            progress.println("srmap download: " + file + " is cached (--refresh downloads it again)");
            cached.add(file);
            return;
        }
        long start = System.nanoTime();
        fetch.into(target);
        progress.printf(
                Locale.ROOT,
                "srmap download:   wrote %s (%,.1f MB) in %.1f s%n",
                file,
                Files.size(target) / 1e6,
                (System.nanoTime() - start) / 1e9);
        downloaded.add(file);
    }

    private void layer(Layer layer, Path target) throws IOException {
        byte[] body = null;
        String what = null;
        List<String> ids = layer.datasetIds();
        for (int i = 0; i < ids.size() && body == null; i++) {
            what = layer.title() + " (" + ids.get(i) + ")";
            progress.println("srmap download: " + what + " from " + spec.openDataUrl() + " ...");
            try {
                body = client.fetch(
                        client.resource(
                                ids.get(i),
                                "geojson",
                                List.of(Map.entry("$limit", Integer.toString(OpenDataClient.MAX_ROWS)))),
                        what);
            } catch (DownloadException e) {
                if (!OpenDataClient.notFound(e) || i == ids.size() - 1) {
                    throw e;
                }
                progress.println("srmap download:   " + ids.get(i) + " is not there (HTTP 404); trying "
                        + ids.get(i + 1) + ", the dataset it replaced");
            }
        }
        GeoJsonNormalizer.Result r = GeoJsonNormalizer.normalize(body, layer.properties(), what);
        progress.printf(Locale.ROOT, "srmap download:   %,d features%s%n", r.features(), dropped(r.withoutGeometry()));
        if (layer == Layer.TRACTS) {
            population(r.collection());
        }
        writeGeoJson(target, r.collection(), what);
    }

    private void population(ObjectNode tracts) {
        progress.println("srmap download: 2020 census population per tract from " + spec.censusUrl() + " ...");
        CensusPopulation.Joined j = CensusPopulation.join(tracts, new CensusPopulation(client).fetch());
        progress.printf(
                Locale.ROOT,
                "srmap download:   %,d people in the tracts; %,d tracts without a census row;"
                        + " %,d census tracts (%,d people) without a boundary%n",
                j.people(),
                j.tractsWithoutCensus(),
                j.censusTractsUnmatched(),
                j.peopleUnmatched());
        if (j.people() == 0) {
            throw new DownloadException("2020 census population: no tract GEOID matched the census rows");
        }
    }

    private void libraries(Path target) throws IOException {
        progress.println(
                "srmap download: public libraries (" + LibraryPoints.DATASET + ") from " + spec.openDataUrl() + " ...");
        LibraryPoints.Result r = LibraryPoints.fetch(client);
        progress.printf(
                Locale.ROOT,
                "srmap download:   %,d libraries%s%n",
                r.points(),
                r.withoutCoordinates() == 0 ? "" : "; " + r.withoutCoordinates() + " without coordinates left out");
        writeGeoJson(target, r.collection(), "public libraries");
    }

    private void requests(Path target) throws IOException {
        progress.println("srmap download: 311 requests of the last " + spec.days() + " days (" + RecentRequests.DATASET
                + ") from " + spec.openDataUrl() + " ...");
        new RecentRequests(client, spec.pageSize(), progress)
                .download(spec.today().minusDays(spec.days()), target);
    }

    /** Writes the collection, checked by the same reader the loader uses before it replaces the file. */
    private static void writeGeoJson(Path target, ObjectNode collection, String what) throws IOException {
        CacheFile.write(target, out -> JSON.writeValue(out, collection), written -> {
            try {
                GeoJsonFeatures.read(written);
            } catch (IllegalArgumentException e) {
                throw new DownloadException(what + ": not usable GeoJSON: " + e.getMessage(), e);
            }
        });
    }

    private static String dropped(int withoutGeometry) {
        return withoutGeometry == 0 ? "" : "; " + withoutGeometry + " without a geometry left out";
    }
}
