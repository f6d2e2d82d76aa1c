package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A unit was renamed; its code and path stay the same.
 *
 * @param code             the unit's code, also the event's subject and Kafka key
 * @param aggregateVersion the unit's version after this change
 * @param orgPath          the unit's own path, equal to {@code unit.path()}
 * @param occurredAt       when it happened
 * @param unit             the unit after this change
 */
public record OrgUnitRenamed(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        OrgUnitFacts unit) implements OrgUnitEvent {

    public OrgUnitRenamed {
        Require.unitEvent(code, aggregateVersion, orgPath, occurredAt, unit);
    }
}
