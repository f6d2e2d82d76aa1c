package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The on-site check (核查) of a resolved case was done; if it failed a {@link CaseReopened} follows.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param verifiedBy       user id of the checker
 * @param passed           whether the problem was found handled
 * @param note             what the checker found
 */
public record CaseVerified(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String verifiedBy,
        boolean passed,
        String note) implements CaseEvent {

    public CaseVerified {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
