package org.grassroots.gridservice.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * Square metres and metres from WGS 84 degrees, by a local equirectangular projection at the
 * geometry's latitude. Over a district (tens of kilometres) this is within a fraction of a percent
 * of the geodesic area, which is all that reports of overlaps and tolerances need.
 */
public final class Areas {

    /** Metres in one degree of latitude (and of longitude at the equator), mean value. */
    public static final double METRES_PER_DEGREE = 111_320.0;

    private Areas() {
    }

    public static double squareMetres(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return 0;
        }
        double latitude = geometry.getEnvelopeInternal().centre().y;
        double metresPerDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude));
        return geometry.getArea() * METRES_PER_DEGREE * metresPerDegreeLon;
    }

    /** A distance in metres as degrees of latitude: the larger of the two, so a tolerance is never too tight. */
    public static double degrees(double metres) {
        return metres / METRES_PER_DEGREE;
    }

    /** Rounded to centimetres squared, for reports. */
    public static double rounded(double squareMetres) {
        return Math.round(squareMetres * 100) / 100.0;
    }
}
