package org.grassroots.gridservice.location.web;

import java.util.List;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridlocation.GridLocation;
import org.grassroots.gridlocation.LocatableGrid;
import org.grassroots.gridservice.location.LocatorIndex;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which grid a point lies in: what case intake asks for every report. Any signed-in caller may ask;
 * the answer names grids and org units, nothing personal.
 */
@RestController
class LocateController {

    private final LocatorIndex index;

    LocateController(LocatorIndex index) {
        this.index = index;
    }

    @GetMapping("/api/grids/locate")
    @PreAuthorize("isAuthenticated()")
    LocationResponse locate(@RequestParam double lon, @RequestParam double lat) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidFieldException("lon", "must lie between -180 and 180 but was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidFieldException("lat", "must lie between -90 and 90 but was " + lat);
        }
        return index.locator().locate(lon, lat).map(LocationResponse::of)
                .orElseThrow(() -> new NotFoundException(
                        "No grid contains the point lon " + lon + ", lat " + lat));
    }

    /** The located grid, its ancestors root first, and the community, street and org path it belongs to. */
    record LocationResponse(String code, String name, GridLevel level, List<GridRef> ancestors, String communityId,
            String streetId, String orgPath) {

        static LocationResponse of(GridLocation location) {
            LocatableGrid grid = location.grid();
            return new LocationResponse(grid.code(), grid.name(), grid.level(),
                    location.ancestors().stream().map(GridRef::of).toList(), grid.communityId(), grid.streetId(),
                    grid.orgPath());
        }
    }

    record GridRef(String code, String name, GridLevel level) {

        static GridRef of(LocatableGrid grid) {
            return new GridRef(grid.code(), grid.name(), grid.level());
        }
    }
}
