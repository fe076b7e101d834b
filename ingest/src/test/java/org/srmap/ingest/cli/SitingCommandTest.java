package org.srmap.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srmap.siting.problem.Haversine;

/** {@code srmap siting} on planners' own CSV files. */
class SitingCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    @Test
    void findsTheBestCoveringOfThreeSitesThatEveryChoiceConfirms() throws Exception {
        Random random = new Random(11);
        double[][] demand = new double[40][3];
        StringBuilder d = new StringBuilder("id,lat,lon,weight\n");
        for (int i = 0; i < demand.length; i++) {
            demand[i] = new double[] {
                40.6 + 0.2 * random.nextDouble(), -74 + 0.2 * random.nextDouble(), 1 + random.nextInt(9)
            };
            d.append("u")
                    .append(i)
                    .append(',')
                    .append(demand[i][0])
                    .append(',')
                    .append(demand[i][1])
                    .append(',')
                    .append((int) demand[i][2])
                    .append('\n');
        }
        double[][] sites = new double[9][2];
        StringBuilder s = new StringBuilder("id,lat,lon\n");
        for (int j = 0; j < sites.length; j++) {
            sites[j] = new double[] {40.6 + 0.2 * random.nextDouble(), -74 + 0.2 * random.nextDouble()};
            s.append("s")
                    .append(j)
                    .append(',')
                    .append(sites[j][0])
                    .append(',')
                    .append(sites[j][1])
                    .append('\n');
        }
        Files.writeString(dir.resolve("demand.csv"), d);
        Files.writeString(dir.resolve("sites.csv"), s);
        Path out = dir.resolve("result.json");

        int code = Main.run(
                "siting",
                "--model",
                "mclp",
                "--demand",
                dir.resolve("demand.csv").toString(),
                "--candidates",
                dir.resolve("sites.csv").toString(),
                "--radius",
                "4000",
                "--k",
                "3",
                "--out",
                out.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toFile());
        double best = 0;
        for (int a = 0; a < sites.length; a++) {
            for (int b = a + 1; b < sites.length; b++) {
                for (int c = b + 1; c < sites.length; c++) {
                    best = Math.max(best, covered(demand, List.of(sites[a], sites[b], sites[c]), 4000));
                }
            }
        }
        assertThat(r.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(r.get("objective").asDouble()).isEqualTo(best);
        assertThat(r.get("bound").asDouble()).isEqualTo(best);
        assertThat(r.get("gap").asDouble()).isZero();
        List<double[]> chosen = new ArrayList<>();
        r.get("sites")
                .forEach(site -> chosen.add(
                        sites[Integer.parseInt(site.get("id").asText().substring(1))]));
        assertThat(covered(demand, chosen, 4000)).isEqualTo(best);
        assertThat(r.get("assignments")).hasSize(40);
        assertThat(r.get("demand").get("coveredWeight").asDouble()).isEqualTo(best);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("srmap siting: mclp OPTIMAL");
    }

    private static double covered(double[][] demand, List<double[]> open, double radius) {
        double sum = 0;
        for (double[] u : demand) {
            if (open.stream().anyMatch(o -> Haversine.metres(u[0], u[1], o[0], o[1]) <= radius)) {
                sum += u[2];
            }
        }
        return sum;
    }

    @Test
    void writesTheSitesAndUnitsAsGeoJsonAndCsv() throws Exception {
        Files.writeString(dir.resolve("demand.csv"), "id,lat,lon,weight\nu1,40.75,-73.99,2\nu2,40.80,-73.95,3\n");
        Files.writeString(dir.resolve("sites.csv"), "id,lat,lon\ns1,40.751,-73.99\ns2,40.60,-74.10\n");
        String[] common = {
            "siting",
            "--model",
            "mclp",
            "--k",
            "1",
            "--radius",
            "500",
            "--demand",
            dir.resolve("demand.csv").toString(),
            "--candidates",
            dir.resolve("sites.csv").toString()
        };
        List<String> geo = new ArrayList<>(List.of(common));
        geo.addAll(
                List.of("--format", "geojson", "--out", dir.resolve("r.geojson").toString()));
        List<String> csv = new ArrayList<>(List.of(common));
        csv.addAll(List.of("--format", "csv", "--out", dir.resolve("r.csv").toString()));

        assertThat(Main.run(geo.toArray(String[]::new))).isZero();
        assertThat(Main.run(csv.toArray(String[]::new))).isZero();

        JsonNode features =
                new ObjectMapper().readTree(dir.resolve("r.geojson").toFile()).get("features");
        assertThat(features).hasSize(3);
        assertThat(features.get(0).get("properties").get("id").asText()).isEqualTo("s1");
        assertThat(features.get(0).get("geometry").get("coordinates").get(1).asDouble())
                .isEqualTo(40.751);
        assertThat(features.get(2).get("properties").get("covered").asBoolean()).isFalse();
        assertThat(Files.readAllLines(dir.resolve("r.csv")))
                .hasSize(3)
                .first()
                .isEqualTo("id,lat,lon,weight,site,metres,covered");
        assertThat(Files.readAllLines(dir.resolve("r.csv")).get(1))
                .startsWith("u1,40.75,-73.99,2.0,s1,111.")
                .endsWith(",true");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "id,lat,lon\\nu1,40.7,-73.9\\nu2,40.7,west | demand.csv: 1 problem\\n  line 3: lon must be a number, was 'west'",
                "id,latitude,lon\\nu1,40.7,-73.9 | demand.csv: 1 problem\\n  header: no column 'lat'",
            })
    void refusesABadFileNamingTheLineWithoutAStackTrace(String demand, String message) throws Exception {
        Files.writeString(dir.resolve("demand.csv"), demand.replace("\\n", "\n"));
        Files.writeString(dir.resolve("sites.csv"), "id,lat,lon\ns1,40.7,-73.9\n");

        int code = Main.run(
                "siting",
                "--model",
                "pmedian",
                "--k",
                "1",
                "--demand",
                dir.resolve("demand.csv").toString(),
                "--candidates",
                dir.resolve("sites.csv").toString());

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(message.replace("\\n", "\n"))
                .doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--model,mclp,--k,2 | mclp needs a radius in metres above 0",
                "--model,pmedian,--k,5 | k must be at most the 1 candidate sites, was 5",
                "--model,pmedian,--k,1,--required,s9 | required site 's9' is not among the candidates",
                "--model,pmedian,--k,1,--metric,taxi | metric must be great_circle or manhattan, was 'taxi'",
                "--model,lscp,--radius,10 | ", // infeasible: exit 1 with the report
            })
    void refusesPlansThatDoNotFitWithAClearMessage(String options, String message) throws Exception {
        Files.writeString(dir.resolve("demand.csv"), "id,lat,lon\nu1,40.8,-73.9\n");
        Files.writeString(dir.resolve("sites.csv"), "id,lat,lon\ns1,40.7,-73.9\n");
        List<String> args = new ArrayList<>(List.of(
                "siting",
                "--demand",
                dir.resolve("demand.csv").toString(),
                "--candidates",
                dir.resolve("sites.csv").toString(),
                "--out",
                dir.resolve("r.json").toString()));
        args.addAll(List.of(options.split(",", -1)));

        int code = Main.run(args.toArray(String[]::new));

        if (message == null) {
            assertThat(code).isEqualTo(Main.EXIT_FAILED);
            assertThat(new ObjectMapper()
                            .readTree(dir.resolve("r.json").toFile())
                            .get("status")
                            .asText())
                    .isEqualTo("INFEASIBLE");
        } else {
            assertThat(code).isEqualTo(Main.EXIT_USAGE);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("srmap: " + message + "\n");
        }
    }
}
