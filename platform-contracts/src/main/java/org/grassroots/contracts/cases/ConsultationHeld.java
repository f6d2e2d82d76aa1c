package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * A consultation met: who came. The minutes stay in case-service.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param heldAt           when it met
 * @param attended         the parties that came
 * @param recordedBy       user id of the staff member who recorded the meeting and its minutes
 */
public record ConsultationHeld(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        Instant heldAt,
        List<ConsultationParty> attended,
        String recordedBy) implements ConsultationEvent {

    public ConsultationHeld {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.present(heldAt, "heldAt");
        attended = Require.copy(attended);
    }
}
