package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A report was found not to be a valid case and was cancelled (注销).
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param cancelledBy      user id of the staff member who cancelled it
 * @param reason           why it is not a valid case, as shown to the resident
 */
public record CaseCancelled(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String cancelledBy,
        String reason) implements CaseEvent {

    public CaseCancelled {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.text(reason, "reason");
    }
}
