package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case moved up a handling level, by hand or automatically when it ran overdue.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param fromLevel        the level before
 * @param toLevel          the level after, always higher
 * @param escalatedBy      user id of whoever escalated it; null when automatic
 * @param reason           why
 * @param automatic        true when the SLA clock escalated it
 */
public record CaseEscalated(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        HandlingLevel fromLevel,
        HandlingLevel toLevel,
        String escalatedBy,
        String reason,
        boolean automatic) implements CaseEvent {

    public CaseEscalated {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(fromLevel, "fromLevel");
        Require.present(toLevel, "toLevel");
        if (toLevel.compareTo(fromLevel) <= 0) {
            throw new IllegalArgumentException("toLevel " + toLevel + " must be above fromLevel " + fromLevel);
        }
    }
}
