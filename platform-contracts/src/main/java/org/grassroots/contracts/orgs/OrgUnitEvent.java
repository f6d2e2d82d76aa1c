package org.grassroots.contracts.orgs;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Something that happened to an organisation unit, published on {@code org-events} keyed by the
 * unit's code. Every event carries the whole {@link OrgUnitFacts} after the change, so a service
 * keeping a read model of the tree (grid-service knows its communities, case-service scopes by
 * path) can upsert from any single event and skip one older than the version it holds.
 */
public sealed interface OrgUnitEvent extends IntegrationEvent
        permits OrgUnitCreated, OrgUnitRenamed, OrgUnitMoved, OrgUnitRetired {

    String code();

    OrgUnitFacts unit();

    @Override
    default String subject() {
        return code();
    }
}
