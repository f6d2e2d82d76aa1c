package org.grassroots.gridservice.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads and writes grid boundaries as GeoJSON Polygon or MultiPolygon geometries (RFC 7946, WGS 84,
 * longitude first), from the generic tree a JSON parser or the MongoDB driver gives (maps, lists,
 * numbers). Everything wrong with a boundary is reported by its JSON path, e.g.
 * {@code boundary.coordinates[0][3]: a position is [longitude, latitude]}, so an administrator can fix
 * the file; nothing a client sends ends in a 500.
 */
public final class GeoJson {

    /** Shared by the whole service: WGS 84 (SRID 4326), full double precision. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {
    }

    /**
     * The boundary described by {@code tree}, a valid Polygon or MultiPolygon.
     *
     * @param field the name of the field in the request, used in every error
     * @throws InvalidFieldException naming each problem
     */
    public static Geometry readBoundary(Object tree, String field) {
        List<FieldError> errors = new ArrayList<>();
        Geometry geometry = parse(tree, field, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        TopologyValidationError invalid = new IsValidOp(geometry).getValidationError();
        if (invalid != null) {
            Coordinate at = invalid.getCoordinate();
            throw new InvalidFieldException(field, "not a valid " + geometry.getGeometryType() + ": "
                    + invalid.getMessage() + (at == null ? "" : " near [" + at.x + ", " + at.y + "]"));
        }
        return geometry;
    }

    private static Geometry parse(Object tree, String field, List<FieldError> errors) {
        if (!(tree instanceof Map<?, ?> object)) {
            errors.add(new FieldError(field, tree == null ? "is required" : "must be a GeoJSON geometry object"));
            return null;
        }
        Object type = object.get("type");
        Object coordinates = object.get("coordinates");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            errors.add(new FieldError(field + ".type",
                    "must be Polygon or MultiPolygon" + (type == null ? "" : " but was " + type)));
            return null;
        }
        if (!(coordinates instanceof List<?> list) || list.isEmpty()) {
            errors.add(new FieldError(field + ".coordinates", "must be a non-empty array"));
            return null;
        }
        if ("Polygon".equals(type)) {
            return polygon(list, field + ".coordinates", errors);
        }
        Polygon[] polygons = new Polygon[list.size()];
        for (int i = 0; i < list.size(); i++) {
            String path = field + ".coordinates[" + i + "]";
            if (!(list.get(i) instanceof List<?> rings) || rings.isEmpty()) {
                errors.add(new FieldError(path, "a polygon is a non-empty array of rings"));
                continue;
            }
            polygons[i] = polygon(rings, path, errors);
        }
        return errors.isEmpty() ? FACTORY.createMultiPolygon(polygons) : null;
    }

    private static Polygon polygon(List<?> rings, String path, List<FieldError> errors) {
        LinearRing[] built = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            built[r] = ring(rings.get(r), path + "[" + r + "]", errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        LinearRing[] holes = new LinearRing[built.length - 1];
        System.arraycopy(built, 1, holes, 0, holes.length);
        return FACTORY.createPolygon(built[0], holes);
    }

    private static LinearRing ring(Object value, String path, List<FieldError> errors) {
        if (!(value instanceof List<?> positions)) {
            errors.add(new FieldError(path, "a ring is an array of positions"));
            return null;
        }
        if (positions.size() < 4) {
            errors.add(new FieldError(path, "a ring needs at least 4 positions but has " + positions.size()));
            return null;
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        int before = errors.size();
        for (int p = 0; p < positions.size(); p++) {
            coordinates[p] = position(positions.get(p), path + "[" + p + "]", errors);
        }
        if (errors.size() > before) {
            return null;
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            errors.add(new FieldError(path, "a ring must be closed: its last position must equal its first"));
            return null;
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private static Coordinate position(Object value, String path, List<FieldError> errors) {
        if (!(value instanceof List<?> pair) || pair.size() < 2
                || !(pair.get(0) instanceof Number lon) || !(pair.get(1) instanceof Number lat)) {
            errors.add(new FieldError(path, "a position is [longitude, latitude] in numbers"));
            return null;
        }
        double x = lon.doubleValue();
        double y = lat.doubleValue();
        if (!(x >= -180 && x <= 180) || !(y >= -90 && y <= 90)) {
            errors.add(new FieldError(path, "longitude must lie in [-180, 180] and latitude in [-90, 90] but was ["
                    + x + ", " + y + "]"));
            return null;
        }
        return new Coordinate(x, y);
    }

    /** The GeoJSON form of a Polygon or MultiPolygon, as maps and lists for JSON or BSON. */
    public static Map<String, Object> write(Geometry geometry) {
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
