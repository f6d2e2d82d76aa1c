package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The assignee sent the case back as not theirs (退回); the dispatcher dispatches it again.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param returnedFrom     who returned the case
 * @param returnedBy       user id of the person who returned it
 * @param reason           why it is not theirs
 */
public record CaseReturned(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        Assignee returnedFrom,
        String returnedBy,
        String reason) implements CaseEvent {

    public CaseReturned {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(returnedFrom, "returnedFrom");
        Require.text(reason, "reason");
    }
}
