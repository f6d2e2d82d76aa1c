package org.grassroots.contracts.grids;

import java.time.Instant;

/**
 * A grid was drawn (划定) with its first boundary.
 *
 * @param code             the grid's code, also the event's subject and Kafka key
 * @param aggregateVersion the grid's version after this change
 * @param orgPath          the grid's community's org path, equal to {@code grid.orgPath()}
 * @param occurredAt       when it happened
 * @param grid             the grid after this change
 * @param areaSquareMetres the boundary's area in square metres
 */
public record GridCreated(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        GridFacts grid,
        double areaSquareMetres) implements GridEvent {

    public GridCreated {
        Require.gridEvent(code, aggregateVersion, orgPath, occurredAt, grid);
    }
}
