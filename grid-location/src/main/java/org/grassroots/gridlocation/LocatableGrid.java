package org.grassroots.gridlocation;

import java.util.Objects;

import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.locationtech.jts.geom.Geometry;

/**
 * What {@link GridLocator} needs to know of a grid: its place in the tree, its community and its
 * boundary. Plain data, so the locator is built without Spring or MongoDB (the benchmark does).
 */
public record LocatableGrid(String code, String name, GridLevel level, String parentCode, String communityId,
        String streetId, String orgPath, Geometry boundary) {

    public LocatableGrid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(boundary, "boundary");
    }

    /** A grid as grid-events describes it, with its boundary. */
    public static LocatableGrid of(GridFacts grid, Geometry boundary) {
        return new LocatableGrid(grid.code(), grid.name(), grid.level(), grid.parentCode(), grid.communityId(),
                grid.streetId(), grid.orgPath(), boundary);
    }
}
