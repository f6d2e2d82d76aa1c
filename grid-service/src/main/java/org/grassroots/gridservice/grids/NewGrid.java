package org.grassroots.gridservice.grids;

import org.grassroots.contracts.grids.GridLevel;

/**
 * What an administrator gives to draw a grid. {@code communityId} may be left out below level 1: the
 * parent's community is taken. {@code boundary} is the GeoJSON tree as parsed, checked by the service.
 */
public record NewGrid(String code, String name, GridLevel level, String parentCode, String communityId,
        Object boundary) {
}
