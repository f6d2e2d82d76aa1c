package org.grassroots.gridservice.geo;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The checks MongoDB's 2dsphere index makes on a stored polygon that JTS, working on the plane, does
 * not: MongoDB joins two positions by the shortest path on the sphere (a great-circle arc), not by a
 * straight line in longitude and latitude, and refuses a polygon whose loops then touch or cross
 * themselves or each other ("Loop is not valid", "Edges i and j cross", "Duplicate vertices"). An
 * east–west edge of a few kilometres bows towards the pole by metres, so a narrow notch that is
 * sound on the plane can cross an edge on the sphere.
 *
 * <p>Run on a ring already normalised by {@link GeoJson} (no repeated consecutive positions, closed,
 * at least three distinct positions) and valid by JTS (holes inside their shell, rings not crossing
 * on the plane). Checked for each polygon: no position visited twice by one ring, no edge spanning
 * 180° of longitude or more (its arc would be ambiguous or run the other way round the globe), and no
 * two edges of the polygon's rings crossing on the sphere.
 */
public final class SphereRules {

    private SphereRules() {
    }

    /** Why MongoDB would refuse {@code boundary} (a Polygon or MultiPolygon), or null if it would store it. */
    public static String problem(Geometry boundary) {
        for (int p = 0; p < boundary.getNumGeometries(); p++) {
            String prefix = boundary.getNumGeometries() > 1 ? "polygon " + p + ": " : "";
            String problem = problem((Polygon) boundary.getGeometryN(p));
            if (problem != null) {
                return prefix + problem;
            }
        }
        return null;
    }

    private static String problem(Polygon polygon) {
        List<Edge> edges = new ArrayList<>();
        for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
            LinearRing ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            Coordinate[] positions = ring.getCoordinates();
            String repeated = repeatedPosition(r, positions);
            if (repeated != null) {
                return repeated;
            }
            for (int i = 0; i + 1 < positions.length; i++) {
                Edge edge = new Edge(r, i, positions[i], positions[i + 1], positions.length - 1);
                if (Math.abs(edge.from.x - edge.to.x) >= 180) {
                    return "ring " + r + " edge " + i + " spans 180° of longitude or more; MongoDB would join its ends"
                            + " the other way round the globe";
                }
                edges.add(edge);
            }
        }
        for (int a = 0; a < edges.size(); a++) {
            for (int b = a + 1; b < edges.size(); b++) {
                Edge one = edges.get(a);
                Edge other = edges.get(b);
                if (!one.adjacentTo(other) && one.boxMeets(other) && crossOnSphere(one, other)) {
                    return describe(one) + " and " + describe(other) + " cross on the sphere (MongoDB joins positions"
                            + " by great-circle arcs, which bow towards the pole): add a position to the longer edge"
                            + " or move the nearer one apart";
                }
            }
        }
        return null;
    }

    /** MongoDB's "Duplicate vertices": a ring that passes through one position twice touches itself. */
    private static String repeatedPosition(int ring, Coordinate[] positions) {
        for (int i = 0; i + 1 < positions.length; i++) {
            for (int j = i + 1; j + 1 < positions.length; j++) {
                if (GeoJson.samePosition(positions[i], positions[j])) {
                    return "ring " + ring + " passes through [" + positions[i].x + ", " + positions[i].y
                            + "] twice (positions " + i + " and " + j + "); MongoDB refuses a ring that touches itself";
                }
            }
        }
        return null;
    }

    private static String describe(Edge edge) {
        return "ring " + edge.ring + " edge " + edge.index + " ([" + edge.from.x + ", " + edge.from.y + "] to ["
                + edge.to.x + ", " + edge.to.y + "])";
    }

    /**
     * Whether two great-circle arcs cross at a point inside both: each arc's ends lie strictly on
     * opposite sides of the other's great circle, and the arcs are on the same side of the globe.
     * Arcs that only touch at an end or run along each other are not a crossing here; JTS has
     * already refused those cases on the plane.
     */
    static boolean crossOnSphere(Edge one, Edge other) {
        double[] a = unit(one.from);
        double[] b = unit(one.to);
        double[] c = unit(other.from);
        double[] d = unit(other.to);
        double[] ab = cross(a, b);
        double acb = -dot(ab, c);
        double bda = dot(ab, d);
        if (acb * bda <= 0) {
            return false;
        }
        double[] cd = cross(c, d);
        double cbd = -dot(cd, b);
        double dac = dot(cd, a);
        return acb * cbd > 0 && acb * dac > 0;
    }

    private static double[] unit(Coordinate position) {
        double lon = Math.toRadians(position.x);
        double lat = Math.toRadians(position.y);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    /** Edge {@code index} of ring {@code ring}, which has {@code edgesInRing} edges. */
    record Edge(int ring, int index, Coordinate from, Coordinate to, int edgesInRing) {

        /** Neighbours in one ring share a position, and edges of two rings may touch at one (JTS allows it). */
        boolean adjacentTo(Edge other) {
            if (ring == other.ring) {
                int gap = Math.abs(index - other.index);
                return gap == 1 || gap == edgesInRing - 1;
            }
            return GeoJson.samePosition(from, other.from) || GeoJson.samePosition(from, other.to)
                    || GeoJson.samePosition(to, other.from) || GeoJson.samePosition(to, other.to);
        }

        /**
         * A cheap first test: the two edges' boxes, widened by what an arc of this length can bow
         * (its length² / 8 in radians, times a margin), meet. Only then the exact test runs.
         */
        boolean boxMeets(Edge other) {
            double bow = Math.max(bow(), other.bow());
            return Math.min(from.x, to.x) - bow <= Math.max(other.from.x, other.to.x)
                    && Math.min(other.from.x, other.to.x) - bow <= Math.max(from.x, to.x)
                    && Math.min(from.y, to.y) - bow <= Math.max(other.from.y, other.to.y)
                    && Math.min(other.from.y, other.to.y) - bow <= Math.max(from.y, to.y);
        }

        private double bow() {
            double span = Math.toRadians(Math.hypot(from.x - to.x, from.y - to.y));
            return Math.toDegrees(span * span) + 1e-9;
        }
    }
}
