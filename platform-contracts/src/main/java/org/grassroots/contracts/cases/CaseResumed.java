package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A paused time limit counts again; {@code facts.deadlines} carries its deadline, later by the
 * working time of the pause.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            the stage whose clock runs again
 * @param resumedBy        user id of whoever resumed it
 */
public record CaseResumed(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        SlaStage stage,
        String resumedBy) implements CaseEvent {

    public CaseResumed {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
    }
}
