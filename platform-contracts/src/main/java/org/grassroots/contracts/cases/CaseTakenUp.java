package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A parked case (挂账) was taken up again (销账恢复办理): it is back with the dispatcher, accepted,
 * its respond time limit counting afresh from now.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param takenUpBy        user id of the person who took it up
 * @param reason           why it can be handled now (funding approved, the renovation plan reached it …)
 */
public record CaseTakenUp(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String takenUpBy,
        String reason) implements CaseEvent {

    public CaseTakenUp {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
