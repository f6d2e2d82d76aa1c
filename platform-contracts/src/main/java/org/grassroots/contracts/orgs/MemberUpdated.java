package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A member's status, posts or account link changed; their unit did not.
 *
 * @param memberId         the member's id, also the event's subject and Kafka key
 * @param aggregateVersion the member's version after this change
 * @param orgPath          the path of the member's unit
 * @param occurredAt       when it happened
 * @param member           the member after this change
 */
public record MemberUpdated(
        String memberId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        MemberFacts member) implements PartyMemberEvent {

    public MemberUpdated {
        Require.memberEvent(memberId, aggregateVersion, orgPath, occurredAt, member);
    }
}
