package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The assignee took the case on (接单). For a department this starts its resolve clock.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param assignee         who claimed the case
 * @param claimedBy        user id of the person who claimed it
 */
public record CaseClaimed(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        Assignee assignee,
        String claimedBy) implements CaseEvent {

    public CaseClaimed {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(assignee, "assignee");
    }
}
