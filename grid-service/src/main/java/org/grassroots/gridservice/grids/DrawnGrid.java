package org.grassroots.gridservice.grids;

import java.util.List;

/** A grid after a change, with the small overlaps with siblings that were tolerated and are reported. */
public record DrawnGrid(Grid grid, List<Overlap> overlaps) {

    public DrawnGrid {
        overlaps = List.copyOf(overlaps);
    }
}
