package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A partner (property company, social organisation, co-building unit, leader contact point) was registered.
 *
 * @param code             the partner's code, also the event's subject and Kafka key
 * @param aggregateVersion the partner's version after this change
 * @param orgPath          the deepest path holding the partner's communities
 * @param occurredAt       when it happened
 * @param partner          the partner after this change
 */
public record PartnerRegistered(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        PartnerFacts partner) implements PartnerEvent {

    public PartnerRegistered {
        Require.recordEvent(code, aggregateVersion, orgPath, occurredAt, partner, partner == null ? null : partner.code(),
                partner == null ? null : partner.orgPath());
    }
}
