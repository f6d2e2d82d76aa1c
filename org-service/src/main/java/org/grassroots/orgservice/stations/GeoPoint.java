package org.grassroots.orgservice.stations;

import org.grassroots.platform.domain.InvalidFieldException;

/** A WGS84 point; distances on the sphere of the Earth's mean radius (haversine). */
public record GeoPoint(double longitude, double latitude) {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw new InvalidFieldException("point.lon", "must be a longitude between -180 and 180");
        }
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw new InvalidFieldException("point.lat", "must be a latitude between -90 and 90");
        }
    }

    /** The great-circle distance in metres. */
    public double metresTo(GeoPoint other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
