package org.srmap.siting;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.srmap.siting.problem.Instance;

/**
 * The validation cases of ../shared/data/siting, with published optimal values (its README):
 * spopt's San Francisco case, OR-Library's p-median graphs and Swain's 55 nodes. Without the shared
 * data the tests fail under CI=true and are skipped otherwise.
 */
final class SitingCases {
    private SitingCases() {}

    static Path dir(String name) {
        Path dir = Path.of(System.getenv().getOrDefault("SRMAP_SHARED_DATA", "../../shared/data"), "siting", name);
        if (!Files.isDirectory(dir)) {
            String problem = "no siting cases at " + dir.toAbsolutePath();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(problem + "; failing because CI=true");
            }
            Assumptions.abort(problem);
        }
        return dir;
    }

    /**
     * San Francisco: 205 census tracts weighted by their 2000 population, 16 candidate stores,
     * network distances in metres. Tracts join on the numeric value of their name, as spopt reads it.
     */
    static Instance sanFrancisco() throws IOException {
        Path d = dir("spopt_sf");
        List<String> tracts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<Double, Integer> tractIndex = new HashMap<>();
        for (CSVRecord r : csv(d.resolve("SF_demand_205_centroid_uniform_weight.csv"))) {
            tractIndex.put(Double.parseDouble(r.get("NAME")), tracts.size());
            tracts.add(r.get("NAME"));
            weights.add(Double.parseDouble(r.get("POP2000")));
        }
        List<String> stores = new ArrayList<>();
        for (CSVRecord r : csv(d.resolve("SF_store_site_16_longlat.csv"))) {
            stores.add(r.get("NAME"));
        }
        double[][] distance = new double[tracts.size()][stores.size()];
        for (double[] row : distance) {
            Arrays.fill(row, Double.NaN);
        }
        for (CSVRecord r : csv(d.resolve("SF_network_distance_candidateStore_16_censusTract_205_new.csv"))) {
            Integer i = tractIndex.get(Double.parseDouble(r.get("DestinationName")));
            distance[i][stores.indexOf(r.get("name"))] = Double.parseDouble(r.get("distance"));
        }
        return new Instance(
                tracts, weights.stream().mapToDouble(Double::doubleValue).toArray(), stores, distance);
    }

    /**
     * An OR-Library p-median graph: edges in order (a repeated edge's last cost wins), then all-pairs
     * shortest paths; every vertex is demand of weight 1 and a candidate. Returns it with its p.
     */
    static Map.Entry<Instance, Integer> orLibrary(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir("orlib").resolve(name + ".txt"));
        String[] head = lines.get(0).trim().split("\\s+");
        int n = Integer.parseInt(head[0]);
        int m = Integer.parseInt(head[1]);
        double[][] d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        for (int e = 1; e <= m; e++) {
            String[] f = lines.get(e).trim().split("\\s+");
            int a = Integer.parseInt(f[0]) - 1;
            int b = Integer.parseInt(f[1]) - 1;
            double c = Double.parseDouble(f[2]);
            d[a][b] = c;
            d[b][a] = c;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(String.valueOf(i));
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return Map.entry(new Instance(ids, ones, ids, d), Integer.parseInt(head[2]));
    }

    /** Swain's 55 nodes: demand weights, every node a candidate, Euclidean distances. */
    static Instance swain(boolean weighted) throws IOException {
        List<String> lines = Files.readAllLines(dir("swain").resolve("swain55.txt"));
        int n = Integer.parseInt(lines.get(0).trim());
        List<String> ids = new ArrayList<>();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).trim().split("\\s+");
            ids.add(f[0]);
            x[i] = Double.parseDouble(f[1]);
            y[i] = Double.parseDouble(f[2]);
            w[i] = weighted ? Double.parseDouble(f[3]) : 1;
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
            }
        }
        return new Instance(ids, w, ids, d);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }
}
