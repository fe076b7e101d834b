package org.srmap.ingest.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 2020 census population per tract from the Census Bureau's redistricting (PL 94-171) API, which NYC
 * Open Data's tract boundaries lack: {@code P1_001N} is the total population, {@code P3_001N} the
 * population 18 and over, so their difference is the population under 18. Joined on the 11-digit GEOID
 * (state, county and tract codes) into {@code pop2020} and {@code pop2020_u18}.
 */
final class CensusPopulation {
    /** The redistricting data of the 2020 census. */
    static final String PATH = "/data/2020/dec/pl";

    static final String TOTAL = "P1_001N";
    static final String ADULTS = "P3_001N";

    /** New York State. */
    static final String STATE = "36";

    /** The five boroughs' counties: Bronx, Kings, New York, Queens, Richmond. */
    static final List<String> COUNTIES = List.of("005", "047", "061", "081", "085");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tract's population. */
    record Counts(int total, int under18) {
        Counts {
            if (total < 0 || under18 < 0 || under18 > total) {
                throw new IllegalArgumentException(
                        "population must be 0 <= under18 <= total, was " + under18 + " of " + total);
            }
        }
    }

    /** What the join matched: people placed in tracts, tracts without a census row, people left over. */
    record Joined(long people, int tractsWithoutCensus, int censusTractsUnmatched, long peopleUnmatched) {}

    private final OpenDataClient client;

    CensusPopulation(OpenDataClient client) {
        this.client = client;
    }

    /** Population by GEOID for every tract of the five counties, one request per county. */
    Map<String, Counts> fetch() {
        Map<String, Counts> byGeoid = new HashMap<>();
        for (String county : COUNTIES) {
            URI uri = client.census(
                    PATH,
                    List.of(
                            Map.entry("get", TOTAL + "," + ADULTS),
                            Map.entry("for", "tract:*"),
                            Map.entry("in", "state:" + STATE + " county:" + county)));
            String what = "2020 census population, county " + STATE + county + " (Census API " + PATH + ")";
            byGeoid.putAll(parse(client.fetch(uri, what), what));
        }
        return byGeoid;
    }

    /** Parses the API's array of rows, the first naming the columns. */
    static Map<String, Counts> parse(byte[] body, String what) {
        JsonNode rows = GeoJsonNormalizer.parse(body, what);
        if (!rows.isArray() || rows.size() < 2 || !rows.get(0).isArray()) {
            throw new DownloadException(
                    what + ": expected a JSON array of rows with a header row, got " + GeoJsonNormalizer.preview(body));
        }
        JsonNode header = rows.get(0);
        int total = column(header, TOTAL, what);
        int adults = column(header, ADULTS, what);
        int state = column(header, "state", what);
        int county = column(header, "county", what);
        int tract = column(header, "tract", what);
        Map<String, Counts> byGeoid = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String geoid = row.path(state).asText()
                    + row.path(county).asText()
                    + row.path(tract).asText();
            try {
                int people = Integer.parseInt(row.path(total).asText());
                int grownUps = Integer.parseInt(row.path(adults).asText());
                byGeoid.put(geoid, new Counts(people, people - grownUps));
            } catch (IllegalArgumentException e) {
                throw new DownloadException(what + ": row " + i + " (tract " + geoid + "): " + e.getMessage(), e);
            }
        }
        return byGeoid;
    }

    /** Sets {@code pop2020} and {@code pop2020_u18} on every tract feature; 0 where the census has no row. */
    static Joined join(ObjectNode tracts, Map<String, Counts> population) {
        long people = 0;
        int missing = 0;
        Set<String> used = new HashSet<>();
        for (JsonNode feature : tracts.path("features")) {
            ObjectNode props = (ObjectNode) feature.path("properties");
            String geoid = props.path("GEOID").asText();
            Counts c = population.get(geoid);
            if (c == null) {
                missing++;
                c = new Counts(0, 0);
            } else {
                used.add(geoid);
            }
            props.put("pop2020", c.total());
            props.put("pop2020_u18", c.under18());
            people += c.total();
        }
        int unmatched = 0;
        long peopleUnmatched = 0;
        for (Map.Entry<String, Counts> e : population.entrySet()) {
            if (!used.contains(e.getKey())) {
                unmatched++;
                peopleUnmatched += e.getValue().total();
            }
        }
        return new Joined(people, missing, unmatched, peopleUnmatched);
    }

    private static int column(JsonNode header, String name, String what) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new DownloadException(what + ": the answer has no column " + name + "; its columns are " + header);
    }
}
