package org.grassroots.contracts.grids;

import java.time.Instant;

/**
 * The grid's community moved in the organisation tree, so the grid's org path (and perhaps its street) changed.
 *
 * @param code             the grid's code, also the event's subject and Kafka key
 * @param aggregateVersion the grid's version after this change
 * @param orgPath          the grid's community's org path, equal to {@code grid.orgPath()}
 * @param occurredAt       when it happened
 * @param grid             the grid after this change
 * @param previousOrgPath the org path before the move
 */
public record GridOrgPathChanged(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        GridFacts grid,
        String previousOrgPath) implements GridEvent {

    public GridOrgPathChanged {
        Require.gridEvent(code, aggregateVersion, orgPath, occurredAt, grid);
    }
}
