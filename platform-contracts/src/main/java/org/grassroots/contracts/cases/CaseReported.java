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
 * @param reporterStaffId     the user id of the grid worker or part-time grid worker who reported it
 *                            in the line of duty (their points depend on it); null for residents and
 *                            the hotline, whose identity never leaves case-service
 */
public record CaseReported(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String possibleDuplicateOf,
        String reporterStaffId) implements CaseEvent {

    public CaseReported {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
    }
}
