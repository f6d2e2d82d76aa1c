package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case was reported through one of the intake channels (上报).
 *
 * @param caseId              the case, also the event's subject and Kafka key
 * @param aggregateVersion    the case's version after this change
 * @param orgPath             the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt          when it happened
 * @param facts               the case after this change
 * @param possibleDuplicateOf the id of an open case of the same category nearby, or null
 */
public record CaseReported(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String possibleDuplicateOf) implements CaseEvent {

    public CaseReported {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
