package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case was put under supervision (督办), by hand or because it ran overdue.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param supervisedBy     user id of the supervisor; null when the SLA clock flagged it
 * @param note             what the supervisor asks for
 */
public record CaseSupervised(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String supervisedBy,
        String note) implements CaseEvent {

    public CaseSupervised {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
