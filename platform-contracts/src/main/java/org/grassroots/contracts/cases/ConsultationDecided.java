package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * A consultation reached its decision, and the parts of it each party carries out.
 *
 * @param consultationId   the consultation, also the event's subject and Kafka key
 * @param aggregateVersion the consultation's version after this change
 * @param orgPath          the org path of the case's area, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param caseId           the case the consultation is about
 * @param decision         what the consultation agreed, as residents are told
 * @param parts            who carries out which part of it
 * @param decidedBy        user id of the staff member who recorded the decision
 */
public record ConsultationDecided(
        String consultationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String caseId,
        String decision,
        List<DecisionPart> parts,
        String decidedBy) implements ConsultationEvent {

    public ConsultationDecided {
        Require.consultationEvent(consultationId, aggregateVersion, orgPath, occurredAt, caseId);
        Require.text(decision, "decision");
        parts = Require.copy(parts);
    }
}
