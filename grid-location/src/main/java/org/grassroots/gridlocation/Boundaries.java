package org.grassroots.gridlocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Grid boundaries as GeoJSON Polygon or MultiPolygon geometries (RFC 7946, WGS 84, longitude first), in
 * the generic form a JSON parser or the MongoDB driver gives: maps, lists and numbers. Both directions
 * trust their input: grid-service checks every boundary it accepts, and what it stores or publishes was
 * written here. Reading one that is not a boundary is a bug or a foreign producer, and fails loudly.
 */
public final class Boundaries {

    /** WGS 84 (SRID 4326), full double precision: every boundary of the platform is made by this factory. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Boundaries() {
    }

    /** The GeoJSON form of a Polygon or MultiPolygon, as maps and lists for JSON or BSON. */
    public static Map<String, Object> toGeoJson(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return Map.of("type", "Polygon", "coordinates", rings(polygon));
        }
        if (geometry instanceof MultiPolygon multi) {
            List<Object> polygons = new ArrayList<>(multi.getNumGeometries());
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            return Map.of("type", "MultiPolygon", "coordinates", polygons);
        }
        throw new IllegalArgumentException("a boundary is a Polygon or MultiPolygon, not " + geometry.getGeometryType());
    }

    /**
     * The boundary a GeoJSON Polygon or MultiPolygon written by {@link #toGeoJson} describes.
     *
     * @throws IllegalArgumentException if {@code tree} is not such a geometry
     */
    public static Geometry fromGeoJson(Object tree) {
        if (!(tree instanceof Map<?, ?> object) || !(object.get("coordinates") instanceof List<?> coordinates)) {
            throw new IllegalArgumentException("a boundary is a GeoJSON geometry object with coordinates");
        }
        Object type = object.get("type");
        if ("Polygon".equals(type)) {
            return polygon(coordinates);
        }
        if ("MultiPolygon".equals(type)) {
            Polygon[] polygons = new Polygon[coordinates.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(list(coordinates.get(i)));
            }
            return FACTORY.createMultiPolygon(polygons);
        }
        throw new IllegalArgumentException("a boundary is a Polygon or MultiPolygon, not " + type);
    }

    private static Polygon polygon(List<?> rings) {
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon has at least its exterior ring");
        }
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int r = 1; r < rings.size(); r++) {
            holes[r - 1] = ring(rings.get(r));
        }
        return FACTORY.createPolygon(ring(rings.get(0)), holes);
    }

    private static LinearRing ring(Object value) {
        List<?> positions = list(value);
        Coordinate[] ring = new Coordinate[positions.size()];
        for (int p = 0; p < ring.length; p++) {
            List<?> position = list(positions.get(p));
            if (position.size() < 2 || !(position.get(0) instanceof Number lon) || !(position.get(1) instanceof Number lat)) {
                throw new IllegalArgumentException("a position is [longitude, latitude] in numbers");
            }
            ring[p] = new Coordinate(lon.doubleValue(), lat.doubleValue());
        }
        return FACTORY.createLinearRing(ring);
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("GeoJSON coordinates are nested arrays");
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>(1 + polygon.getNumInteriorRing());
        rings.add(positions(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i)));
        }
        return rings;
    }

    private static List<Object> positions(LinearRing ring) {
        List<Object> positions = new ArrayList<>(ring.getNumPoints());
        for (Coordinate c : ring.getCoordinates()) {
            positions.add(List.of(c.x, c.y));
        }
        return positions;
    }
}
