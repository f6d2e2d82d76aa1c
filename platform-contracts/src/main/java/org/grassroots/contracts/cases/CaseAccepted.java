package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The community accepted a report as a valid case (立案).
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param acceptedBy       user id of the staff member who accepted it
 */
public record CaseAccepted(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String acceptedBy) implements CaseEvent {

    public CaseAccepted {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
