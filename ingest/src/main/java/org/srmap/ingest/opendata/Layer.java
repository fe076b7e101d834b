package org.srmap.ingest.opendata;

import static org.srmap.ingest.opendata.PropertySpec.integer;
import static org.srmap.ingest.opendata.PropertySpec.optionalText;
import static org.srmap.ingest.opendata.PropertySpec.text;

import java.util.List;
import org.srmap.ingest.reference.ReferenceLoader;

/**
 * The boundary layers NYC Open Data publishes as GeoJSON, each with the cache file the reference loader
 * reads, the dataset ids to try in order (the current one first, then the one it replaced, which NYC
 * Open Data may still serve) and the properties to keep. docs/open-data.md says how each id was checked.
 */
enum Layer {
    BOROUGHS(
            "borough boundaries",
            ReferenceLoader.BOROUGHS,
            List.of("gthc-hcne", "tqmj-j8zm"),
            List.of(integer("boro_code"), text("boro_name"))),
    DISTRICTS(
            "community districts",
            ReferenceLoader.DISTRICTS,
            List.of("5crt-au7u", "jp9i-3b7y"),
            List.of(integer("BoroCD"))),
    NTAS(
            "2020 neighborhood tabulation areas",
            ReferenceLoader.NTAS,
            List.of("9nt8-h7nd"),
            List.of(
                    text("NTA2020"),
                    text("NTAName"),
                    integer("BoroCode"),
                    integer("NTAType"),
                    optionalText("BoroName"),
                    optionalText("CDTA2020"))),
    TRACTS(
            "2020 census tracts",
            ReferenceLoader.TRACTS,
            List.of("63ge-mke6"),
            List.of(
                    text("GEOID"),
                    text("BoroCT2020"),
                    text("NTA2020"),
                    optionalText("CT2020"),
                    optionalText("BoroCode"),
                    optionalText("BoroName")));

    private final String title;
    private final String file;
    private final List<String> datasetIds;
    private final List<PropertySpec> properties;

    Layer(String title, String file, List<String> datasetIds, List<PropertySpec> properties) {
        this.title = title;
        this.file = file;
        this.datasetIds = datasetIds;
        this.properties = properties;
    }

    String title() {
        return title;
    }

    /** The cache file, relative to the cache directory. */
    String file() {
        return file;
    }

    List<String> datasetIds() {
        return datasetIds;
    }

    List<PropertySpec> properties() {
        return properties;
    }
}
