package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A unit was retired (撤销). It keeps its code and history; nothing new may be placed under it.
 *
 * @param code             the unit's code, also the event's subject and Kafka key
 * @param aggregateVersion the unit's version after this change
 * @param orgPath          the unit's own path, equal to {@code unit.path()}
 * @param occurredAt       when it happened
 * @param unit             the unit after this change
 */
public record OrgUnitRetired(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        OrgUnitFacts unit) implements OrgUnitEvent {

    public OrgUnitRetired {
        Require.unitEvent(code, aggregateVersion, orgPath, occurredAt, unit);
    }
}
