package org.grassroots.caseservice.intake;

import org.grassroots.contracts.cases.GeoPoint;

/**
 * Great-circle distance on the WGS 84 mean sphere (haversine). Done in the application because the
 * embedded store has no geo queries; over a few hundred metres the error is far below a GPS fix's.
 */
public final class Distance {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Distance() {
    }

    public static double metres(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
