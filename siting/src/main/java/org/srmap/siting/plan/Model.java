package org.srmap.siting.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The siting models a plan can ask for. */
public enum Model {
    /** Maximal covering: k sites, the most demand within the radius. */
    MCLP(true, true),
    /** Set covering: the fewest sites covering a share of the demand within the radius. */
    LSCP(true, false),
    /** p-median: k sites, the least demand-weighted distance. */
    PMEDIAN(false, true),
    /** p-center: k sites, the smallest distance from any demand unit to its nearest site. */
    PCENTER(false, true);

    /** Whether the model needs a radius. */
    public final boolean needsRadius;
    /** Whether the model needs k. */
    public final boolean needsK;

    Model(boolean needsRadius, boolean needsK) {
        this.needsRadius = needsRadius;
        this.needsK = needsK;
    }

    /** The model of a name like {@code mclp}, any case; an unknown name is an error listing the known. */
    public static Model parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "model must be one of "
                            + Arrays.stream(values()).map(Model::key).collect(Collectors.joining(", ")) + ", was '"
                            + name
                            + "'",
                    e);
        }
    }

    /** The model's name in files, the API and the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
