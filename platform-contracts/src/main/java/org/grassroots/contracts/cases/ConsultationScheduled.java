package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * A consultation on a case was called: its topic, time and place and the parties invited.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param format           the form of the consultation
 * @param topic            what is to be agreed
 * @param startsAt         when it meets
 * @param place            where it meets
 * @param invited          the parties invited
 * @param scheduledBy      user id of the staff member who called it
 */
public record ConsultationScheduled(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        ConsultationFormat format,
        String topic,
        Instant startsAt,
        String place,
        List<ConsultationParty> invited,
        String scheduledBy) implements ConsultationEvent {

    public ConsultationScheduled {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.present(format, "format");
        Require.text(topic, "topic");
        Require.present(startsAt, "startsAt");
        invited = Require.copy(invited);
    }
}
