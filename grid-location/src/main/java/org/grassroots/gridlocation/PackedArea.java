package org.grassroots.gridlocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * One grid's boundary as flat coordinate arrays, with the point-in-area test the locator runs for
 * every candidate it cannot answer from its raster alone. It answers like JTS's
 * {@code IndexedPointInAreaLocator} (the same ray-crossing count over all rings, so holes and the
 * parts of a MultiPolygon need no special case, and the same robust orientation test), but without
 * allocating: the locator runs it millions of times a second.
 *
 * <p>The boundary's segments are bucketed into horizontal stripes; a point only looks at the
 * segments of its own stripe, a handful even for a boundary of hundreds of vertices. A segment is in
 * every stripe its y-range touches, computed with the same function the lookup uses, so a point on
 * a stripe's edge still finds it.
 */
final class PackedArea {

    /** Average segments per stripe the index aims at: two walls crossing a stripe, plus overlap. */
    private static final int SEGMENTS_PER_STRIPE = 2;
    private static final int MAX_STRIPES = 4096;

    private final double[] xs;
    private final double[] ys;
    private final Envelope envelope;
    private final double minY;
    private final double stripesPerUnit;
    private final int lastStripe;
    private final int[] stripeStart;
    private final int[] stripeSegments;
    private final int[] segmentStarts;

    PackedArea(Geometry boundary) {
        List<Coordinate[]> rings = ringsOf(boundary);
        int vertices = rings.stream().mapToInt(ring -> ring.length).sum();
        xs = new double[vertices];
        ys = new double[vertices];
        int[] starts = new int[vertices];
        int segments = 0;
        int at = 0;
        for (Coordinate[] ring : rings) {
            for (int i = 0; i < ring.length; i++) {
                xs[at + i] = ring[i].x;
                ys[at + i] = ring[i].y;
                if (i + 1 < ring.length) {
                    starts[segments++] = at + i;
                }
            }
            at += ring.length;
        }
        segmentStarts = Arrays.copyOf(starts, segments);
        envelope = boundary.getEnvelopeInternal();
        minY = envelope.getMinY();
        int stripes = Math.max(1, Math.min(MAX_STRIPES, segmentStarts.length / SEGMENTS_PER_STRIPE));
        stripesPerUnit = envelope.getHeight() > 0 ? stripes / envelope.getHeight() : 0;
        lastStripe = stripes - 1;

        int[] counts = new int[stripes + 1];
        for (int segment : segmentStarts) {
            for (int s = stripe(Math.min(ys[segment], ys[segment + 1])); s <= stripe(
                    Math.max(ys[segment], ys[segment + 1])); s++) {
                counts[s + 1]++;
            }
        }
        for (int s = 0; s < stripes; s++) {
            counts[s + 1] += counts[s];
        }
        stripeStart = counts.clone();
        stripeSegments = new int[counts[stripes]];
        for (int segment : segmentStarts) {
            for (int s = stripe(Math.min(ys[segment], ys[segment + 1])); s <= stripe(
                    Math.max(ys[segment], ys[segment + 1])); s++) {
                stripeSegments[counts[s]++] = segment;
            }
        }
    }

    Envelope envelope() {
        return envelope;
    }

    /** Segment {@code k} runs from vertex {@code segmentStart(k)} to the next vertex. */
    int segmentCount() {
        return segmentStarts.length;
    }

    int segmentStart(int segment) {
        return segmentStarts[segment];
    }

    double x(int vertex) {
        return xs[vertex];
    }

    double y(int vertex) {
        return ys[vertex];
    }

    /** Interior or boundary: edges count as inside, a hole's interior does not. */
    boolean covers(double x, double y) {
        if (!(y >= minY && y <= envelope.getMaxY() && x >= envelope.getMinX() && x <= envelope.getMaxX())) {
            return false;
        }
        int stripe = stripe(y);
        int crossings = 0;
        for (int k = stripeStart[stripe], end = stripeStart[stripe + 1]; k < end; k++) {
            int i = stripeSegments[k];
            double x1 = xs[i];
            double y1 = ys[i];
            double x2 = xs[i + 1];
            double y2 = ys[i + 1];
            if (x1 < x && x2 < x) {
                continue; // wholly left of the point: the ray to the right cannot cross it
            }
            if (x == x2 && y == y2 || x == x1 && y == y1) {
                return true;
            }
            if (y1 == y && y2 == y) {
                if (x >= Math.min(x1, x2) && x <= Math.max(x1, x2)) {
                    return true;
                }
                continue;
            }
            if (y1 > y && y2 <= y || y2 > y && y1 <= y) {
                int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == 0) {
                    return true;
                }
                if (y2 < y1) {
                    orientation = -orientation;
                }
                if (orientation > 0) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1;
    }

    private int stripe(double y) {
        return Math.min(lastStripe, (int) ((y - minY) * stripesPerUnit));
    }

    private static List<Coordinate[]> ringsOf(Geometry boundary) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < boundary.getNumGeometries(); i++) {
            Geometry part = boundary.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                rings.add(polygon.getExteriorRing().getCoordinates());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(polygon.getInteriorRingN(h).getCoordinates());
                }
            } else if (part instanceof LinearRing ring) {
                rings.add(ring.getCoordinates());
            } else if (part != boundary) {
                rings.addAll(ringsOf(part)); // a collection inside a collection
            }
        }
        return rings;
    }
}
