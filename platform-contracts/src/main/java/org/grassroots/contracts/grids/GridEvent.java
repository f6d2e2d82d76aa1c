package org.grassroots.contracts.grids;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Something that happened to a grid, keyed by the grid's code. Every event carries the whole
 * {@link GridFacts} after the change, so a consumer can upsert from any single event and skip one
 * older than the version it holds. A boundary travels only with the events that set it
 * ({@link GridCreated}, {@link GridBoundaryChanged}): every other event leaves it as it was, so a
 * consumer keeping a locator of its own (case-service does) follows these two and keeps the last.
 */
public sealed interface GridEvent extends IntegrationEvent
        permits GridCreated, GridRenamed, GridBoundaryChanged, GridOrgPathChanged, GridRetired {

    String code();

    GridFacts grid();

    @Override
    default String subject() {
        return code();
    }
}
