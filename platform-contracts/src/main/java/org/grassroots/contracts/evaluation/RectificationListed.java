package org.grassroots.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A community fell below a rectification rule (e.g. residents' satisfaction under 60% over a
 * quarter) and was put on the rectification list (列入软弱涣散党组织整顿名单).
 *
 * @param entryId          the list entry: rule, community and period, e.g. {@code satisfaction-quarterly:qjp-pulou-chengnan:2026-Q1}; the subject and Kafka key
 * @param aggregateVersion the entry's version after this change
 * @param orgPath          the community's org path
 * @param occurredAt       when it was listed
 * @param ruleId           the rule it broke
 * @param communityId      the community
 * @param period           the period judged, e.g. {@code 2026-Q1}
 * @param satisfactionRate the rate found, a fraction between 0 and 1
 * @param ratings          how many ratings it rests on
 * @param threshold        the rule's threshold, a fraction between 0 and 1
 */
public record RectificationListed(
        String entryId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String ruleId,
        String communityId,
        String period,
        BigDecimal satisfactionRate,
        long ratings,
        BigDecimal threshold) implements IntegrationEvent {

    public RectificationListed {
        RectificationEvents.require(entryId, aggregateVersion, orgPath, occurredAt, ruleId, communityId, period);
    }

    @Override
    public String subject() {
        return entryId;
    }
}
