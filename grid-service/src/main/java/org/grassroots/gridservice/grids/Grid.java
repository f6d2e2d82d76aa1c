package org.grassroots.gridservice.grids;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.grids.GridOrgPathChanged;
import org.grassroots.contracts.grids.GridRenamed;
import org.grassroots.contracts.grids.GridRetired;
import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.geo.Areas;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.platform.domain.InvalidStateException;
import org.locationtech.jts.geom.Geometry;

/**
 * A grid (网格) or micro-grid: a closed boundary inside its parent, belonging to one community. The
 * code, level, parent and community are fixed at creation (a grid that moves is retired and drawn
 * anew under its new code); the name and boundary may change. Each change returns the events it
 * produced.
 */
public final class Grid {

    private final String code;
    private final GridLevel level;
    private final String parentCode;
    private final String communityId;
    private String name;
    private String streetId;
    private String orgPath;
    private Geometry boundary;
    private boolean retired;
    private long version;
    private final Instant createdAt;
    private Instant updatedAt;
    /** Whether an event has carried the current boundary (grids drawn before events carried them: not yet). */
    private boolean boundaryPublished;

    Grid(String code, String name, GridLevel level, String parentCode, String communityId, String streetId,
            String orgPath, Geometry boundary, boolean retired, long version, Instant createdAt, Instant updatedAt,
            boolean boundaryPublished) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.communityId = communityId;
        this.streetId = streetId;
        this.orgPath = orgPath;
        this.boundary = boundary;
        this.retired = retired;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.boundaryPublished = boundaryPublished;
    }

    /** A new grid at version 1; rules that need other grids are checked by {@link BoundaryRules} first. */
    static Grid draw(String code, String name, GridLevel level, String parentCode, Community community,
            Geometry boundary, Instant now) {
        return new Grid(code, name, level, parentCode, community.code(), community.streetId(), community.path(),
                boundary, false, 1, now, now, true);
    }

    List<GridEvent> created() {
        return List.of(new GridCreated(code, version, orgPath, createdAt, facts(), areaSquareMetres(),
                GeoJson.write(boundary)));
    }

    List<GridEvent> rename(String newName, Instant now) {
        requireActive();
        if (newName.equals(name)) {
            return List.of();
        }
        name = newName;
        return List.of(new GridRenamed(code, changed(now), orgPath, now, facts()));
    }

    List<GridEvent> redraw(Geometry newBoundary, Instant now) {
        requireActive();
        if (newBoundary.equalsExact(boundary)) {
            return List.of();
        }
        boundary = newBoundary;
        return boundaryChanged(now);
    }

    /**
     * For a grid drawn before {@code grid.created} and {@code grid.boundary-changed} carried the
     * boundary: the boundary it has, sent once as {@code grid.boundary-changed}, so that every follower of
     * {@code grid-events} (case-service's intake) has it without a redraw. Nothing if an event carried it.
     */
    List<GridEvent> publishBoundary(Instant now) {
        requireActive();
        return boundaryPublished ? List.of() : boundaryChanged(now);
    }

    private List<GridEvent> boundaryChanged(Instant now) {
        boundaryPublished = true;
        return List.of(new GridBoundaryChanged(code, changed(now), orgPath, now, facts(), areaSquareMetres(),
                GeoJson.write(boundary)));
    }

    List<GridEvent> retire(Instant now) {
        requireActive();
        retired = true;
        return List.of(new GridRetired(code, changed(now), orgPath, now, facts()));
    }

    /** The community moved in the organisation tree: the grid takes its new path and street. */
    List<GridEvent> follow(Community community, Instant now) {
        if (community.path().equals(orgPath) && Objects.equals(community.streetId(), streetId)) {
            return List.of();
        }
        String previous = orgPath;
        orgPath = community.path();
        streetId = community.streetId();
        return List.of(new GridOrgPathChanged(code, changed(now), orgPath, now, facts(), previous));
    }

    private long changed(Instant now) {
        updatedAt = now;
        return ++version;
    }

    private void requireActive() {
        if (retired) {
            throw new InvalidStateException("grid " + code + " is retired");
        }
    }

    public GridFacts facts() {
        return new GridFacts(code, name, level, parentCode, communityId, streetId, orgPath, retired);
    }

    public double areaSquareMetres() {
        return Areas.rounded(Areas.squareMetres(boundary));
    }

    public String code() { return code; }
    public String name() { return name; }
    public GridLevel level() { return level; }
    public String parentCode() { return parentCode; }
    public String communityId() { return communityId; }
    public String streetId() { return streetId; }
    public String orgPath() { return orgPath; }
    public Geometry boundary() { return boundary; }
    public boolean isRetired() { return retired; }
    public boolean boundaryPublished() { return boundaryPublished; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
