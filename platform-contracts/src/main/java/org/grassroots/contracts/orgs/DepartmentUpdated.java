package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A department's name, type, categories, area or activity changed.
 *
 * @param code             the department's code, also the event's subject and Kafka key
 * @param aggregateVersion the department's version after this change
 * @param orgPath          the area it serves
 * @param occurredAt       when it happened
 * @param department       the department after this change
 */
public record DepartmentUpdated(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        DepartmentFacts department) implements DepartmentEvent {

    public DepartmentUpdated {
        Require.recordEvent(code, aggregateVersion, orgPath, occurredAt, department, department == null ? null : department.code(),
                department == null ? null : department.orgPath());
    }
}
