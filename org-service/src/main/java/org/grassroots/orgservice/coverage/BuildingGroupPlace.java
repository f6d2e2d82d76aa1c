package org.grassroots.orgservice.coverage;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The building a building group (楼栋党小组, an org unit of type {@code BUILDING_GROUP}) covers: its grid
 * (grid-service's code) and the building's name as the grid's households give it (e.g. 3幢). The org
 * tree knows a building group by code and name only ("城南社区第一网格1号楼党小组"), which does not say
 * reliably which building of which grid it is; this link does, and is what the coverage against the
 * territory matches a building with.
 *
 * @param unitCode the building group's code
 * @param at       when the link was last set, and by whom ({@code by}, a user id)
 */
@Document(BuildingGroupPlace.COLLECTION)
public record BuildingGroupPlace(@Id String unitCode, String gridCode, String building, Instant at, String by) {

    static final String COLLECTION = "building_group_places";

    /** The building's id as grid-service names it: {@code <gridCode>:<building>}. */
    public String buildingId() {
        return gridCode + ":" + building;
    }
}
