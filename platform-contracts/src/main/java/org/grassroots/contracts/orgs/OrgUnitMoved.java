package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A unit and its whole subtree moved under a new parent (e.g. a community transferred to another
 * street). Only the moved unit gets this event: every descendant's path changes by the same
 * prefix, so a consumer rewrites each path that starts with {@code previousPath + "/"} by
 * replacing that prefix with {@code unit.path() + "/"}.
 *
 * @param code             the moved unit's code, also the event's subject and Kafka key
 * @param aggregateVersion the unit's version after this change
 * @param orgPath          the unit's new path, equal to {@code unit.path()}
 * @param occurredAt       when it happened
 * @param unit             the unit after the move
 * @param previousPath     the unit's path before the move
 */
public record OrgUnitMoved(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        OrgUnitFacts unit,
        String previousPath) implements OrgUnitEvent {

    public OrgUnitMoved {
        Require.unitEvent(code, aggregateVersion, orgPath, occurredAt, unit);
        Require.text(previousPath, "previousPath");
    }
}
