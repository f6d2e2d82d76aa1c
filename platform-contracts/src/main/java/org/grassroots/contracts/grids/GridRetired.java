package org.grassroots.contracts.grids;

import java.time.Instant;

/**
 * A grid was retired (撤销); it no longer locates points and keeps its history.
 *
 * @param code             the grid's code, also the event's subject and Kafka key
 * @param aggregateVersion the grid's version after this change
 * @param orgPath          the grid's community's org path, equal to {@code grid.orgPath()}
 * @param occurredAt       when it happened
 * @param grid             the grid after this change
 */
public record GridRetired(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        GridFacts grid) implements GridEvent {

    public GridRetired {
        Require.gridEvent(code, aggregateVersion, orgPath, occurredAt, grid);
    }
}
