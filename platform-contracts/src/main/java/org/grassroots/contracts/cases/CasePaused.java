package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The running time limit of a case stopped counting while it waits for the resident (e.g. for more
 * material or access on site); {@code facts.deadlines} leaves the paused stage out until it resumes.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            the stage whose clock stopped
 * @param pausedBy         user id of whoever paused it
 * @param reason           what the case waits for
 */
public record CasePaused(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        SlaStage stage,
        String pausedBy,
        String reason) implements CaseEvent {

    public CasePaused {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
        Require.text(reason, "reason");
    }
}
