package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A party member was registered in a unit (入党 or first recorded by the platform).
 *
 * @param memberId         the member's id, also the event's subject and Kafka key
 * @param aggregateVersion the member's version after this change
 * @param orgPath          the path of the member's unit
 * @param occurredAt       when it happened
 * @param member           the member after this change
 */
public record MemberJoined(
        String memberId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        MemberFacts member) implements PartyMemberEvent {

    public MemberJoined {
        Require.memberEvent(memberId, aggregateVersion, orgPath, occurredAt, member);
    }
}
