package org.grassroots.contracts.cases;

/** A WGS 84 point, longitude first as in GeoJSON. */
public record GeoPoint(double lon, double lat) {

    public GeoPoint {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be between -180 and 180 but was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be between -90 and 90 but was " + lat);
        }
    }
}
