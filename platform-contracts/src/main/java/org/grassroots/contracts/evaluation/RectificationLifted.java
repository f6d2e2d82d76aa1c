package org.grassroots.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A community on the rectification list recovered: the rule it broke holds again for the period,
 * so it left the list.
 *
 * @param entryId          the list entry, as in {@link RectificationListed}; the subject and Kafka key
 * @param aggregateVersion the entry's version after this change
 * @param orgPath          the community's org path
 * @param occurredAt       when it left the list
 * @param ruleId           the rule
 * @param communityId      the community
 * @param period           the period judged, e.g. {@code 2026-Q1}
 * @param satisfactionRate the rate found now, a fraction between 0 and 1
 * @param ratings          how many ratings it rests on
 */
public record RectificationLifted(
        String entryId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String ruleId,
        String communityId,
        String period,
        BigDecimal satisfactionRate,
        long ratings) implements IntegrationEvent {

    public RectificationLifted {
        RectificationEvents.require(entryId, aggregateVersion, orgPath, occurredAt, ruleId, communityId, period);
    }

    @Override
    public String subject() {
        return entryId;
    }
}
