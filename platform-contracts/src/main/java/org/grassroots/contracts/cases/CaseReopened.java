package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case was sent back for rework (发回重办).
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param cause            whether the on-site check failed or the resident was dissatisfied
 * @param reason           what is still wrong
 * @param ratingId         the dissatisfied rating, when that is the cause
 */
public record CaseReopened(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        ReopenCause cause,
        String reason,
        String ratingId) implements CaseEvent {

    public CaseReopened {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(cause, "cause");
    }
}
