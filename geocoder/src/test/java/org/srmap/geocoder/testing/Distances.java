package org.srmap.geocoder.testing;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.srmap.geocoder.crs.LonLat;

/** Great-circle distances for assertions, computed by the H3 library. */
public final class Distances {

    private static final H3Core H3 = load();

    private Distances() {}

    /** The great-circle distance between two positions, in metres. */
    public static double metres(LonLat a, LonLat b) {
        return H3.greatCircleDistance(new LatLng(a.lat(), a.lon()), new LatLng(b.lat(), b.lon()), LengthUnit.m);
    }

    private static H3Core load() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
