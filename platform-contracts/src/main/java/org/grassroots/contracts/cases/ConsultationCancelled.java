package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A consultation was called off before it reached a decision.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param reason           why it will not meet
 * @param cancelledBy      user id of the staff member who called it off
 */
public record ConsultationCancelled(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        String reason,
        String cancelledBy) implements ConsultationEvent {

    public ConsultationCancelled {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.text(reason, "reason");
    }
}
