package org.grassroots.gridlocation;

import java.util.List;

/**
 * The answer to "which grid is this point in": the deepest grid containing it and that grid's
 * ancestors, root first.
 */
public record GridLocation(LocatableGrid grid, List<LocatableGrid> ancestors) {

    public GridLocation {
        ancestors = List.copyOf(ancestors);
    }
}
