package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A time limit of a case was extended (延时) with approval.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            the stage whose limit moved
 * @param newDeadline      the new limit; also in {@code facts.deadlines}
 * @param reason           why more time is needed
 * @param approvedBy       user id of the approver
 */
public record CaseExtended(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        SlaStage stage,
        Instant newDeadline,
        String reason,
        String approvedBy) implements CaseEvent {

    public CaseExtended {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
        Require.present(newDeadline, "newDeadline");
    }
}
