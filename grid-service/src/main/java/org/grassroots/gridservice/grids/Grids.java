package org.grassroots.gridservice.grids;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.communities.CommunityDirectory;
import org.grassroots.gridservice.communities.CommunityMoved;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.gridservice.grids.GridRepository.GridFilter;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Drawing, redrawing and retiring grids. Anyone signed in may read grids (a boundary is no secret:
 * residents see their grid on the map); changing one needs an administrator or community/street staff
 * whose area holds the grid's community (403 otherwise).
 */
@Service
public class Grids {

    private static final Logger log = LoggerFactory.getLogger(Grids.class);

    private final GridRepository grids;
    private final CommunityDirectory communities;
    private final BoundaryRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    Grids(GridRepository grids, CommunityDirectory communities, BoundaryTolerance tolerance, Clock clock,
            ApplicationEventPublisher publisher) {
        this.grids = grids;
        this.communities = communities;
        this.rules = new BoundaryRules(tolerance);
        this.clock = clock;
        this.publisher = publisher;
    }

    public Grid get(String code) {
        return grids.find(code).orElseThrow(() -> new NotFoundException("Grid", code));
    }

    /** Every grid the filter names, by code: for the export and the 码上办 sheet, which need them all. */
    public List<Grid> list(String communityId, String parentCode, GridLevel level, boolean includeRetired) {
        return grids.list(new GridFilter(communityId, parentCode, level, includeRetired));
    }

    /** A page of the grids the filter names, by code. */
    public Page<Grid> page(String communityId, String parentCode, GridLevel level, boolean includeRetired,
            Paging paging) {
        return grids.page(new GridFilter(communityId, parentCode, level, includeRetired), paging);
    }

    public DrawnGrid create(NewGrid spec, Caller caller) {
        Grid parent = parentOf(spec);
        Community community = communityOf(spec, parent);
        caller.requireOrgPath(community.path());
        String codeProblem = GridCode.problem(spec.code(), spec.level(), spec.parentCode());
        if (codeProblem != null) {
            throw new InvalidFieldException("code", codeProblem);
        }
        Geometry boundary = GeoJson.readBoundary(spec.boundary(), "boundary", spec.code());
        List<Overlap> overlaps = rules.check("boundary", boundary, parent,
                grids.siblingsNear(spec.code(), spec.level(), spec.parentCode(), boundary.getEnvelopeInternal()));
        Grid grid = Grid.draw(spec.code(), spec.name(), spec.level(), spec.parentCode(), community, boundary, now());
        grids.add(grid, grid.created());
        publisher.publishEvent(new GridChanged(grid.code()));
        return new DrawnGrid(grid, overlaps);
    }

    /**
     * Renames and/or redraws the grid if it is still at {@code expectedVersion}; a null name or
     * boundary leaves that part as it is.
     */
    public DrawnGrid update(String code, String name, Object boundaryTree, long expectedVersion, Caller caller) {
        Grid grid = get(code);
        caller.requireOrgPath(grid.orgPath());
        if (grid.version() != expectedVersion) {
            throw new VersionConflictException("Grid", code, expectedVersion);
        }
        List<Overlap> overlaps = List.of();
        List<GridEvent> events = new java.util.ArrayList<>();
        if (name != null) {
            if (name.isBlank()) {
                throw new InvalidFieldException("name", "must not be blank");
            }
            events.addAll(grid.rename(name.strip(), now()));
        }
        if (boundaryTree != null) {
            Geometry boundary = GeoJson.readBoundary(boundaryTree, "boundary", code);
            Grid parent = grid.parentCode() == null ? null : grids.find(grid.parentCode()).orElse(null);
            overlaps = rules.check("boundary", boundary, parent,
                    grids.siblingsNear(code, grid.level(), grid.parentCode(), boundary.getEnvelopeInternal()));
            events.addAll(grid.redraw(boundary, now()));
        }
        if (!events.isEmpty()) {
            grids.update(grid, expectedVersion, events);
            publisher.publishEvent(new GridChanged(code));
        }
        return new DrawnGrid(grid, overlaps);
    }

    /** Retires a grid that has no active grids inside it (those are retired first). */
    public Grid retire(String code, Long expectedVersion, Caller caller) {
        Grid grid = get(code);
        caller.requireOrgPath(grid.orgPath());
        long readVersion = grid.version();
        if (expectedVersion != null && expectedVersion != readVersion) {
            throw new VersionConflictException("Grid", code, expectedVersion);
        }
        if (grids.hasActiveChildren(code)) {
            throw new InvalidStateException("grid " + code + " still has active grids inside it; retire them first");
        }
        grids.update(grid, readVersion, grid.retire(now()));
        publisher.publishEvent(new GridChanged(code));
        return grid;
    }

    /** A community moved in the organisation tree: each of its grids takes the new path and street. */
    @EventListener
    void on(CommunityMoved moved) {
        for (Grid grid : grids.activeOfCommunity(moved.community().code())) {
            long readVersion = grid.version();
            List<GridEvent> events = grid.follow(moved.community(), now());
            if (!events.isEmpty()) {
                grids.update(grid, readVersion, events);
                publisher.publishEvent(new GridChanged(grid.code()));
            }
        }
    }

    /**
     * At every start ({@link #atStart}): each active grid drawn before {@code grid.created} and
     * {@code grid.boundary-changed} carried the boundary (before December 2026) has it sent once, as
     * {@code grid.boundary-changed}.
     * Until every active grid's boundary is on {@code grid-events}, case-service cannot locate reports
     * itself and asks this service for each one (docs/case-service.md). A grid changed meanwhile, or
     * published by another instance starting at once, is left to that change; one still unpublished is
     * tried again at the next start, as is everything if the store cannot be read now: the service
     * starts either way.
     *
     * @return how many grids' boundaries were sent
     */
    int publishUnpublishedBoundaries() {
        List<Grid> unpublished;
        try {
            unpublished = grids.activeWithUnpublishedBoundary();
        } catch (RuntimeException storeTrouble) {
            log.warn("Could not read which grids' boundaries are still to be sent ({}); the next start tries again",
                    storeTrouble.toString());
            return 0;
        }
        int published = 0;
        for (Grid grid : unpublished) {
            try {
                grids.update(grid, grid.version(), grid.publishBoundary(now()));
                publisher.publishEvent(new GridChanged(grid.code()));
                published++;
            } catch (VersionConflictException changedMeanwhile) {
                // Sent by another instance, or changed: a redraw sends it; otherwise the next start does.
            } catch (RuntimeException failed) {
                log.warn("Could not send the boundary of grid {} ({}); the next start tries again", grid.code(),
                        failed.toString());
            }
        }
        if (published > 0) {
            log.info("Published the boundaries of {} grids drawn before events carried them", published);
        }
        return published;
    }

    /** A listener's return value would be published as an event of its own: the count stays here. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        publishUnpublishedBoundaries();
    }

    private Grid parentOf(NewGrid spec) {
        if (spec.level() == null) {
            throw new InvalidFieldException("level", "is required: LEVEL_1, LEVEL_2, LEVEL_3 or MICRO");
        }
        if (spec.level() == GridLevel.LEVEL_1) {
            if (spec.parentCode() != null) {
                throw new InvalidFieldException("parentCode", "a level-1 grid lies in its community and has no parent");
            }
            return null;
        }
        if (spec.parentCode() == null || spec.parentCode().isBlank()) {
            throw new InvalidFieldException("parentCode", "is required for a " + spec.level() + " grid");
        }
        Grid parent = grids.find(spec.parentCode())
                .orElseThrow(() -> new InvalidFieldException("parentCode", "no grid has the code " + spec.parentCode()));
        if (parent.isRetired()) {
            throw new InvalidFieldException("parentCode", "grid " + parent.code() + " is retired");
        }
        boolean fits = switch (spec.level()) {
            case LEVEL_2 -> parent.level() == GridLevel.LEVEL_1;
            case LEVEL_3 -> parent.level() == GridLevel.LEVEL_2;
            case MICRO -> parent.level() != GridLevel.MICRO;
            case LEVEL_1 -> false;
        };
        if (!fits) {
            throw new InvalidFieldException("parentCode",
                    "a " + spec.level() + " grid cannot lie in a " + parent.level() + " grid");
        }
        return parent;
    }

    private Community communityOf(NewGrid spec, Grid parent) {
        String communityId = spec.communityId();
        if (parent != null) {
            if (communityId != null && !communityId.equals(parent.communityId())) {
                throw new InvalidFieldException("communityId",
                        "must be the parent grid's community " + parent.communityId());
            }
            communityId = parent.communityId();
        }
        if (communityId == null || communityId.isBlank()) {
            throw new InvalidFieldException("communityId", "is required for a level-1 grid");
        }
        String code = communityId;
        Community community = communities.find(code)
                .orElseThrow(() -> new InvalidFieldException("communityId", "no community is known by " + code
                        + " (communities come from org-service)"));
        if (community.retired()) {
            throw new InvalidFieldException("communityId", "community " + code + " is retired");
        }
        return community;
    }

    private Instant now() {
        return clock.instant();
    }
}
