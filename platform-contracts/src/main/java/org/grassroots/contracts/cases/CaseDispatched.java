package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case was dispatched to a department, party member or grid worker (派单).
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param assignee         who the case was dispatched to; also in {@code facts.assignee}
 * @param dispatchedBy     user id of the dispatcher
 * @param note             instructions for the assignee
 */
public record CaseDispatched(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        Assignee assignee,
        String dispatchedBy,
        String note) implements CaseEvent {

    public CaseDispatched {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(assignee, "assignee");
    }
}
