package org.grassroots.contracts.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * A case was closed (结案) and is open for rating by the resident.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param onTime           whether every stage met its time limit, as counted for the on-time rate
 * @param handlingTime     from report to close, wall-clock time
 */
public record CaseClosed(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        boolean onTime,
        Duration handlingTime) implements CaseEvent {

    public CaseClosed {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(handlingTime, "handlingTime");
        if (handlingTime.isNegative()) {
            throw new IllegalArgumentException("handlingTime must not be negative but was " + handlingTime);
        }
    }
}
