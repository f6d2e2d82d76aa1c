package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case was put on the long-term problem register (挂账): it cannot be solved within its limits.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param parkedBy         user id of the person who parked it
 * @param reason           why it cannot be solved now
 */
public record CaseParked(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String parkedBy,
        String reason) implements CaseEvent {

    public CaseParked {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
