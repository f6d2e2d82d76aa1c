package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A summoned department reported in to a whistled case (报到).
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param departmentId     the department that reported in
 * @param reportedBy       user id of its staff member
 */
public record CaseDepartmentReportedIn(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String departmentId,
        String reportedBy) implements CaseEvent {

    public CaseDepartmentReportedIn {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.text(departmentId, "departmentId");
    }
}
