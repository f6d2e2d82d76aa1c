package org.grassroots.gridservice.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.gridlocation.Boundaries;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
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

    /**
     * The most positions a boundary may have. grid-events carries the boundary, and Kafka's default
     * largest message is 1 MB: 10,000 positions at full precision are about 400 KB of JSON. A grid
     * that needs more was drawn more finely than a street map shows; simplify it before importing.
     */
    public static final int MAX_POSITIONS = 10_000;

    /** Positions closer than this (about 1 mm) are one position. */
    static final double SAME_POSITION_DEGREES = 1e-8;

    /** Shared by the whole service: WGS 84 (SRID 4326), full double precision ({@link Boundaries#FACTORY}). */
    public static final GeometryFactory FACTORY = Boundaries.FACTORY;

    private GeoJson() {
    }

    /**
     * The boundary described by {@code tree}, a valid Polygon or MultiPolygon in the form MongoDB's
     * 2dsphere index accepts: normalised (see {@link #normalisedRing}, exterior rings counter-clockwise,
     * holes clockwise), valid by JTS's rules on the plane, then by MongoDB's on the sphere
     * ({@link SphereRules}), so that the store never refuses what this accepted.
     *
     * @param field    the name of the field in the request, used in every error
     * @param gridCode the grid the boundary is for, named in every reason (or null)
     * @throws InvalidFieldException naming each problem
     */
    public static Geometry readBoundary(Object tree, String field, String gridCode) {
        String grid = gridCode == null ? "" : "grid " + gridCode + ": ";
        List<FieldError> errors = new ArrayList<>();
        Geometry geometry = parse(tree, field, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors.stream()
                    .map(error -> new FieldError(error.field(), grid + error.reason())).toList());
        }
        if (geometry.getNumPoints() > MAX_POSITIONS) {
            throw new InvalidFieldException(field + ".coordinates", grid + "a boundary has at most " + MAX_POSITIONS
                    + " positions but this one has " + geometry.getNumPoints() + ": simplify it");
        }
        TopologyValidationError invalid = new IsValidOp(geometry).getValidationError();
        if (invalid != null) {
            Coordinate at = invalid.getCoordinate();
            throw new InvalidFieldException(field, grid + "not a valid " + geometry.getGeometryType() + ": "
                    + invalid.getMessage() + (at == null ? "" : " near [" + at.x + ", " + at.y + "]"));
        }
        String refused = SphereRules.problem(geometry);
        if (refused != null) {
            throw new InvalidFieldException(field, grid + refused);
        }
        return geometry;
    }

    /** {@link #readBoundary(Object, String, String)} for a boundary not yet tied to a grid. */
    public static Geometry readBoundary(Object tree, String field) {
        return readBoundary(tree, field, null);
    }

    /**
     * A boundary read back from the store, where it was written only after {@link #readBoundary}
     * accepted it; normalised the same way, not checked again, so a document stored before a rule
     * was added still loads.
     */
    public static Geometry readStored(Object tree) {
        List<FieldError> errors = new ArrayList<>();
        Geometry geometry = parse(tree, "boundary", errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("A stored boundary cannot be read: " + errors);
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

    /** Exterior ring counter-clockwise, holes clockwise (RFC 7946, and what MongoDB reads unambiguously). */
    private static Polygon polygon(List<?> rings, String path, List<FieldError> errors) {
        LinearRing[] built = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            built[r] = ring(rings.get(r), path + "[" + r + "]", r == 0, errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        LinearRing[] holes = new LinearRing[built.length - 1];
        System.arraycopy(built, 1, holes, 0, holes.length);
        return FACTORY.createPolygon(built[0], holes);
    }

    private static LinearRing ring(Object value, String path, boolean exterior, List<FieldError> errors) {
        if (!(value instanceof List<?> positions)) {
            errors.add(new FieldError(path, "a ring is an array of positions"));
            return null;
        }
        List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
        int before = errors.size();
        for (int p = 0; p < positions.size(); p++) {
            coordinates.add(position(positions.get(p), path + "[" + p + "]", errors));
        }
        if (errors.size() > before) {
            return null;
        }
        Coordinate[] ring = normalisedRing(coordinates);
        if (ring.length < 4) {
            errors.add(new FieldError(path, "a ring needs at least 3 distinct positions (4 with the closing one)"
                    + " but has " + Math.max(0, ring.length - 1)));
            return null;
        }
        if (Orientation.isCCW(ring) != exterior) {
            CoordinateArrays.reverse(ring);
        }
        return FACTORY.createLinearRing(ring);
    }

    /**
     * The ring without repeated consecutive positions (two positions closer than
     * {@value #SAME_POSITION_DEGREES}° — about a millimetre — count as one: MongoDB refuses a loop with
     * duplicate or degenerate edges) and closed (its last position equals its first).
     */
    static Coordinate[] normalisedRing(List<Coordinate> positions) {
        List<Coordinate> kept = new ArrayList<>(positions.size() + 1);
        for (Coordinate position : positions) {
            if (kept.isEmpty() || !samePosition(kept.get(kept.size() - 1), position)) {
                kept.add(position);
            }
        }
        while (kept.size() > 1 && samePosition(kept.get(kept.size() - 1), kept.get(0))) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty()) {
            kept.add(kept.get(0).copy());
        }
        return kept.toArray(Coordinate[]::new);
    }

    static boolean samePosition(Coordinate a, Coordinate b) {
        return Math.abs(a.x - b.x) < SAME_POSITION_DEGREES && Math.abs(a.y - b.y) < SAME_POSITION_DEGREES;
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
        return Boundaries.toGeoJson(geometry);
    }
}
