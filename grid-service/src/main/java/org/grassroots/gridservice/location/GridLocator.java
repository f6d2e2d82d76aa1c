package org.grassroots.gridservice.location;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the grid a point lies in, in memory: an STR-tree over the grids' envelopes narrows the
 * candidates to a handful, and each candidate's prepared geometry (an indexed point-in-area test)
 * decides. Immutable once built, so any number of threads may locate at once; a change to the
 * grids builds a new locator.
 *
 * <p><b>Rule.</b> A point belongs to every grid whose boundary <em>covers</em> it (interior or
 * boundary; a hole's interior is outside). Of those, the deepest grid wins (a micro-grid over its
 * grid, a level-3 grid over its level-2 grid); among equally deep grids (a point on the border two
 * grids share) the one with the lowest code wins, so the answer is the same on every instance and
 * every run.
 */
public final class GridLocator {

    private static final GridLocator EMPTY = new GridLocator(List.of());

    private final STRtree tree = new STRtree();
    private final Map<String, LocatableGrid> byCode = new HashMap<>();
    private final int size;

    public GridLocator(Collection<LocatableGrid> grids) {
        grids.forEach(grid -> byCode.put(grid.code(), grid));
        for (LocatableGrid grid : grids) {
            Candidate candidate = new Candidate(grid, depthOf(grid), PreparedGeometryFactory.prepare(grid.boundary()));
            tree.insert(grid.boundary().getEnvelopeInternal(), candidate);
        }
        tree.build();
        size = grids.size();
    }

    public static GridLocator empty() {
        return EMPTY;
    }

    /** How many grids the locator knows. */
    public int size() {
        return size;
    }

    public Optional<LocatableGrid> grid(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The deepest grid covering the point (see the class's rule), with its ancestors. */
    public Optional<GridLocation> locate(double lon, double lat) {
        return Optional.ofNullable(deepest(lon, lat)).map(grid -> new GridLocation(grid, ancestorsOf(grid)));
    }

    /** Just the located grid, without building the ancestor list: the hot path the benchmark measures. */
    public LocatableGrid deepest(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        Finder finder = new Finder(point);
        tree.query(new Envelope(point), finder);
        return finder.best == null ? null : finder.best.grid;
    }

    private List<LocatableGrid> ancestorsOf(LocatableGrid grid) {
        List<LocatableGrid> ancestors = new ArrayList<>();
        LocatableGrid parent = grid.parentCode() == null ? null : byCode.get(grid.parentCode());
        while (parent != null && ancestors.size() < 8) {
            ancestors.add(parent);
            parent = parent.parentCode() == null ? null : byCode.get(parent.parentCode());
        }
        Collections.reverse(ancestors);
        return ancestors;
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
