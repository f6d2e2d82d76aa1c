package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A part of a consultation's decision was dispatched (派单) to a department, party member or grid worker.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param partId           the part of the decision
 * @param assignee         whom the part is dispatched to
 * @param dispatchedBy     user id of the staff member who dispatched it
 */
public record ConsultationPartDispatched(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        String partId,
        Assignee assignee,
        String dispatchedBy) implements ConsultationEvent {

    public ConsultationPartDispatched {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.text(partId, "partId");
        Require.present(assignee, "assignee");
    }
}
