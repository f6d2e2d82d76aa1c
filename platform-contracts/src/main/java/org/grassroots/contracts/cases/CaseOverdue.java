package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A time limit of a case passed. The case is escalated one level and supervised; those follow as their own events.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            the stage that ran over
 * @param deadline         the limit that passed
 */
public record CaseOverdue(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        SlaStage stage,
        Instant deadline) implements CaseEvent {

    public CaseOverdue {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
        Require.present(deadline, "deadline");
    }
}
