package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A time limit of a case is running out: sent at 50% and 75% of the allowed time.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            the stage whose clock is running
 * @param percentElapsed   how much of the allowed time has passed, e.g. 50 or 75
 * @param deadline         the limit that is approaching
 */
public record CaseSlaWarning(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        SlaStage stage,
        int percentElapsed,
        Instant deadline) implements CaseEvent {

    public CaseSlaWarning {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
        if (percentElapsed < 0 || percentElapsed > 100) {
            throw new IllegalArgumentException("percentElapsed must be between 0 and 100 but was " + percentElapsed);
        }
        Require.present(deadline, "deadline");
    }
}
