package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * The assignee reported the problem handled (处置·反馈); an on-site check follows.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param resolvedBy       user id of the person who reported it resolved
 * @param note             what was done
 * @param attachments      object-store keys of the photos taken after handling; never null
 */
public record CaseResolved(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String resolvedBy,
        String note,
        List<String> attachments) implements CaseEvent {

    public CaseResolved {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        attachments = Require.copy(attachments);
    }
}
