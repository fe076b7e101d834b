package org.srmap.ingest.locate;

import org.srmap.geocoder.crs.LonLat;
import org.srmap.geocoder.crs.Projections;
import org.srmap.geocoder.district.Districts;
import org.srmap.geocoder.h3.H3Cells;
import org.srmap.ingest.normalize.ServiceRequest;

/**
 * Places service requests: valid latitude/longitude inside New York first, else the State Plane
 * X/Y, else nothing (the gazetteer step in the database places rows that only have an address).
 * Thread-safe.
 */
public final class Locator {
    private final Districts districts;

    public Locator(Districts districts) {
        this.districts = districts;
    }

    /** The placement from the row's own coordinates. */
    public Placement place(ServiceRequest r) {
        if (r.longitude() != null
                && r.latitude() != null
                && Projections.insideNycEnvelope(r.longitude(), r.latitude())) {
            return at(r.longitude(), r.latitude(), Placement.Source.LATLON);
        }
        if (r.xStatePlane() != null && r.yStatePlane() != null) {
            LonLat p = Projections.statePlaneToWgs84(r.xStatePlane(), r.yStatePlane());
            if (Projections.insideNycEnvelope(p.lon(), p.lat())) {
                return at(p.lon(), p.lat(), Placement.Source.STATEPLANE);
            }
        }
        return Placement.NONE;
    }

    /** District (snapping a point just offshore to the nearest), borough and cells of a known point. */
    public Placement at(double lon, double lat, Placement.Source source) {
        int boroCd = districts.boroCd(lon, lat).orElse(0);
        int boroCode = districts.boroCode(lon, lat).orElse(0);
        // H3 cells do not nest exactly: the rollup cell is the parent of the stored cell, so that
        // rollups and anything aggregating h3_r10 upwards agree.
        long r10 = H3Cells.cell(lat, lon, H3Cells.POINT_RES);
        return new Placement(source, lon, lat, boroCd, boroCode, H3Cells.parent(r10, H3Cells.ROLLUP_RES), r10);
    }
}
