package org.grassroots.contracts.grids;

import java.time.Instant;

/**
 * A grid was renamed; its code, boundary and place in the tree stay the same.
 *
 * @param code             the grid's code, also the event's subject and Kafka key
 * @param aggregateVersion the grid's version after this change
 * @param orgPath          the grid's community's org path, equal to {@code grid.orgPath()}
 * @param occurredAt       when it happened
 * @param grid             the grid after this change
 */
public record GridRenamed(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        GridFacts grid) implements GridEvent {

    public GridRenamed {
        Require.gridEvent(code, aggregateVersion, orgPath, occurredAt, grid);
    }
}
