package org.grassroots.orgservice.coverage;

import org.grassroots.contracts.grids.GridLevel;

/**
 * A grid as org-service knows it from grid-service's {@code grid-events}: the real territory the
 * party organisation is measured against.
 */
public record TerritoryGrid(String code, String name, GridLevel level, String communityId, String streetId,
        String orgPath, boolean retired, long version) {

    /** The grid's number within its community: the last three digits of a 15-digit code (001 → 1). */
    public int number() {
        return Integer.parseInt(code.substring(code.length() - 3));
    }
}
