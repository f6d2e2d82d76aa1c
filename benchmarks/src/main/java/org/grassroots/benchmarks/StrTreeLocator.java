package org.grassroots.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.grassroots.gridlocation.LocatableGrid;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * grid-service's locator before the raster (up to commit ce8ab5e), kept verbatim as the benchmark's
 * baseline and as an independent reference: an STR-tree over the grids' envelopes whose items are
 * prepared geometries. Only the lookup is kept; the service no longer uses it.
 */
final class StrTreeLocator {

    private final STRtree tree = new STRtree();
    private final Map<String, LocatableGrid> byCode = new HashMap<>();

    StrTreeLocator(Collection<LocatableGrid> grids) {
        grids.forEach(grid -> byCode.put(grid.code(), grid));
        for (LocatableGrid grid : grids) {
            Candidate candidate = new Candidate(grid, depthOf(grid), PreparedGeometryFactory.prepare(grid.boundary()));
            tree.insert(grid.boundary().getEnvelopeInternal(), candidate);
        }
        tree.build();
    }

    LocatableGrid deepest(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        Finder finder = new Finder(point);
        tree.query(new Envelope(point), finder);
        return finder.best == null ? null : finder.best.grid;
    }

    /** Levels above the grid that the locator knows, bounded so a cycle in bad data cannot hang it. */
    private int depthOf(LocatableGrid grid) {
        int depth = 0;
        LocatableGrid parent = grid.parentCode() == null ? null : byCode.get(grid.parentCode());
        while (parent != null && depth < 8) {
            depth++;
            parent = parent.parentCode() == null ? null : byCode.get(parent.parentCode());
        }
        return depth;
    }

    /** A grid in the tree with its depth and the point-in-area test of its prepared geometry. */
    private static final class Candidate {

        final LocatableGrid grid;
        final int depth;
        final PreparedGeometry prepared;
        final PointOnGeometryLocator pointLocator;

        Candidate(LocatableGrid grid, int depth, PreparedGeometry prepared) {
            this.grid = grid;
            this.depth = depth;
            this.prepared = prepared;
            // A prepared polygon's own locator, fetched once: covers(point) would take its lock on every call.
            this.pointLocator = prepared instanceof PreparedPolygon polygon ? polygon.getPointLocator() : null;
            if (pointLocator != null) {
                pointLocator.locate(grid.boundary().getCoordinate()); // builds the index now, not on first use
            }
        }

        boolean covers(Coordinate point) {
            if (pointLocator != null) {
                return pointLocator.locate(point) != Location.EXTERIOR;
            }
            return prepared.covers(prepared.getGeometry().getFactory().createPoint(point));
        }

        boolean beats(Candidate other) {
            return other == null || depth > other.depth
                    || depth == other.depth && grid.code().compareTo(other.grid.code()) < 0;
        }
    }

    private static final class Finder implements org.locationtech.jts.index.ItemVisitor {

        final Coordinate point;
        Candidate best;

        Finder(Coordinate point) {
            this.point = point;
        }

        @Override
        public void visitItem(Object item) {
            Candidate candidate = (Candidate) item;
            if (candidate.beats(best) && candidate.covers(point)) {
                best = candidate;
            }
        }
    }
}
