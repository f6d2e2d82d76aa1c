package org.grassroots.contracts.grids;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Something that happened to a grid, keyed by the grid's code. Every event carries the whole
 * {@link GridFacts} after the change, so a consumer can upsert from any single event and skip one
 * older than the version it holds. Boundaries are not carried: they can be large, and the
 * location API answers the question consumers have about them.
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
