package org.grassroots.contracts.grids;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * The last active household of a building of a grid moved out, was removed or was corrected to another
 * address: the building no longer counts in the territory. Only the building's name, its grid and the
 * grid's org path: never a unit, a room or anyone living there.
 *
 * @param buildingId       {@code <gridCode>:<building>}, also the event's subject and Kafka key
 * @param aggregateVersion the building's version after this change
 * @param orgPath          the grid's community's org path
 * @param occurredAt       when it happened
 * @param gridCode         the grid the building stands in
 * @param building         the building's name as the households gave it (e.g. 3幢)
 */
public record BuildingVacated(
        String buildingId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String gridCode,
        String building) implements IntegrationEvent {

    public BuildingVacated {
        Require.event(buildingId, "buildingId", aggregateVersion, orgPath, occurredAt);
        Require.text(gridCode, "gridCode");
        Require.text(building, "building");
    }

    @Override
    public String subject() {
        return buildingId;
    }
}
