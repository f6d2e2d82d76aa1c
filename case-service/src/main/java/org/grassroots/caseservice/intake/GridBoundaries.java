package org.grassroots.caseservice.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.gridlocation.Boundaries;
import org.grassroots.gridlocation.GridLocation;
import org.grassroots.gridlocation.GridLocator;
import org.grassroots.gridlocation.LocatableGrid;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * case-service's own copy of the grids and their boundaries, built from {@code grid-events} by
 * {@link GridBoundariesFollower}, so a report is located here, with grid-service's locator code
 * ({@code grid-location}), without a call to grid-service per report, and while grid-service is down.
 *
 * <p>It answers only when it can answer as grid-service would: once the follower has read the topic to
 * the end it found at start-up, and while every active grid it knows has a boundary (events published
 * before boundaries were carried have none). Until then {@link #locate} says so by answering nothing,
 * and intake asks grid-service as before. A partial copy could put a point in a grid's parent while
 * the grid itself is still unread, so it never answers from one.
 *
 * <p>Each event is applied only if it is newer than the version held for its grid, so a redelivery or a
 * replay changes nothing; a change marks the locator stale and the next report rebuilds it once.
 */
@Component
public class GridBoundaries {

    private static final Logger log = LoggerFactory.getLogger(GridBoundaries.class);

    private final Map<String, Known> grids = new HashMap<>();
    private int withoutBoundary;
    private boolean caughtUp;
    private volatile GridLocator locator;

    /**
     * Where the point lies by this copy: a located placement, or an unlocated one when no grid holds the
     * point; empty when this copy cannot answer yet (see the class).
     */
    public Optional<Placement> locate(GeoPoint point) {
        GridLocator current = locator();
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(current.locate(point.lon(), point.lat()).map(GridBoundaries::placement)
                .orElseGet(() -> Placement.unlocated(Placement.OUTSIDE_EVERY_GRID)));
    }

    /**
     * A point inside one of the grids this copy holds (the active grid of the lowest code), for a
     * warm-up to report at; empty while it holds none.
     */
    public synchronized Optional<GeoPoint> somePointInside() {
        return grids.entrySet().stream()
                .filter(entry -> entry.getValue().active() && entry.getValue().boundary() != null)
                .min(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue().boundary().getInteriorPoint())
                .map(inside -> new GeoPoint(inside.getX(), inside.getY()));
    }

    /** Applies one grid event, if newer than what is held for its grid. */
    public synchronized void apply(GridEvent event) {
        Known held = grids.get(event.code());
        if (held != null && held.version() >= event.aggregateVersion()) {
            return;
        }
        Geometry boundary = held == null ? null : held.boundary();
        if (event instanceof GridCreated created) {
            boundary = boundaryOf(event.code(), created.boundary());
        } else if (event instanceof GridBoundaryChanged redrawn) {
            boundary = boundaryOf(event.code(), redrawn.boundary());
        }
        replace(held, new Known(event.aggregateVersion(), event.grid(), boundary));
    }

    /** The follower has read {@code grid-events} to the end it found when it joined: answers may start. */
    public void caughtUp() {
        synchronized (this) {
            if (caughtUp) {
                return;
            }
            caughtUp = true;
        }
        log.info("Grid boundaries read from grid-events: {}", describe());
    }

    /** How many grids, and whether this copy answers, for the log and the tests. */
    public synchronized String describe() {
        long active = grids.values().stream().filter(Known::active).count();
        if (!caughtUp) {
            return active + " active grids so far, still reading: reports are located by grid-service";
        }
        if (withoutBoundary > 0) {
            return active + " active grids, " + withoutBoundary + " of them without a boundary on grid-events (drawn"
                    + " before events carried one, which grid-service sends when it next starts, or unreadable): reports are"
                    + " located by grid-service until each has one";
        }
        if (active == 0) {
            return "no active grid yet: reports are located by grid-service";
        }
        return active + " active grids: reports are located here";
    }

    private void replace(Known held, Known next) {
        if (held != null && held.active() && held.boundary() == null) {
            withoutBoundary--;
        }
        if (next.active() && next.boundary() == null) {
            withoutBoundary++;
        }
        grids.put(next.facts().code(), next);
        locator = null;
    }

    private GridLocator locator() {
        GridLocator current = locator;
        if (current != null) {
            return current.size() == 0 ? null : current;
        }
        synchronized (this) {
            if (!caughtUp || withoutBoundary > 0) {
                return null;
            }
            if (locator == null) {
                locator = new GridLocator(grids.values().stream().filter(Known::active).map(Known::locatable).toList());
            }
            return locator.size() == 0 ? null : locator;
        }
    }

    /** The boundary, or null (so the copy stops answering) when there is none or it cannot be read. */
    private static Geometry boundaryOf(String code, Map<String, Object> geoJson) {
        if (geoJson == null) {
            return null;
        }
        try {
            return Boundaries.fromGeoJson(geoJson);
        } catch (IllegalArgumentException unreadable) {
            log.warn("Grid {}: its boundary on grid-events cannot be read ({}); reports are located by grid-service",
                    code, unreadable.getMessage());
            return null;
        }
    }

    private static Placement placement(GridLocation location) {
        LocatableGrid grid = location.grid();
        return Placement.located(grid.code(), grid.name(), location.ancestors().stream().map(LocatableGrid::code).toList(),
                grid.communityId(), grid.streetId(), grid.orgPath());
    }

    private record Known(long version, GridFacts facts, Geometry boundary) {

        boolean active() {
            return !facts.retired();
        }

        LocatableGrid locatable() {
            return LocatableGrid.of(facts, boundary);
        }
    }
}
