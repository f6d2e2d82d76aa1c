package org.grassroots.caseservice.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a report landed: the grid that holds its point, or why it could not be located.
 *
 * @param gridCode        the deepest grid holding the point (a micro-grid where there is one), or null
 * @param gridName        its name, e.g. 城南社区第一网格第1微网格
 * @param gridCodes       the located grid and every grid above it, so a query for a grid finds the
 *                        cases of its micro-grids too; empty when unlocated
 * @param communityId     the community the grid belongs to, or null
 * @param streetId        the street the community belongs to, or null
 * @param orgPath         the community's org path, or null when unlocated
 * @param unlocatedReason why the point has no grid (grid-service unavailable, outside every grid, no
 *                        point given), or null when located
 */
public record Placement(String gridCode, String gridName, List<String> gridCodes, String communityId,
        String streetId, String orgPath, String unlocatedReason) {

    public Placement {
        gridCodes = gridCodes == null ? List.of() : List.copyOf(gridCodes);
    }

    /** The reason of a placement grid-service answered for: no grid holds the point. */
    public static final String OUTSIDE_EVERY_GRID = "the point lies outside every grid";

    /** The placement in {@code gridCode}, whose ancestors' codes are given root first. */
    public static Placement located(String gridCode, String gridName, List<String> ancestorCodes, String communityId,
            String streetId, String orgPath) {
        List<String> codes = new ArrayList<>(ancestorCodes);
        codes.add(gridCode);
        return new Placement(gridCode, gridName, codes, communityId, streetId, orgPath, null);
    }

    public static Placement unlocated(String reason) {
        return new Placement(null, null, List.of(), null, null, null, reason);
    }

    public boolean isLocated() {
        return unlocatedReason == null;
    }

    /** Whether grid-service answered that no grid holds the point (rather than not answering at all). */
    public boolean isOutsideEveryGrid() {
        return OUTSIDE_EVERY_GRID.equals(unlocatedReason);
    }
}
