package org.grassroots.gridservice.grids.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Overlap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A grid as the API shows it. {@code boundary} is left out of lists; {@code overlaps} lists the
 * tolerated overlaps with sibling grids found by the change that returned it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GridResponse(String code, String name, GridLevel level, String parentCode, String communityId,
        String streetId, String orgPath, boolean retired, double areaSquareMetres, Map<String, Object> boundary,
        List<Overlap> overlaps, long version, Instant createdAt, Instant updatedAt) {

    static GridResponse of(Grid grid, List<Overlap> overlaps, boolean withBoundary) {
        return new GridResponse(grid.code(), grid.name(), grid.level(), grid.parentCode(), grid.communityId(),
                grid.streetId(), grid.orgPath(), grid.isRetired(), grid.areaSquareMetres(),
                withBoundary ? GeoJson.write(grid.boundary()) : null, overlaps, grid.version(), grid.createdAt(),
                grid.updatedAt());
    }
}
