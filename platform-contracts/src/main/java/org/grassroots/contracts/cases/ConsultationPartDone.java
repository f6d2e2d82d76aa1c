package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A part of a consultation's decision was carried out.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param partId           the part of the decision
 * @param note             what was done
 * @param doneBy           user id of who reported it done
 * @param allPartsDone     whether every part of the decision is now done
 */
public record ConsultationPartDone(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        String partId,
        String note,
        String doneBy,
        boolean allPartsDone) implements ConsultationEvent {

    public ConsultationPartDone {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.text(partId, "partId");
    }
}
