package org.grassroots.contracts.orgs;

import java.time.Instant;

/**
 * A member's organisational relationship moved to another unit (组织关系转接).
 *
 * @param memberId         the member's id, also the event's subject and Kafka key
 * @param aggregateVersion the member's version after this change
 * @param orgPath          the path of the member's new unit
 * @param occurredAt       when it happened
 * @param member           the member after the transfer
 * @param previousUnitCode the unit the member left
 * @param previousPath     that unit's path
 */
public record MemberTransferred(
        String memberId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        MemberFacts member,
        String previousUnitCode,
        String previousPath) implements PartyMemberEvent {

    public MemberTransferred {
        Require.memberEvent(memberId, aggregateVersion, orgPath, occurredAt, member);
        Require.text(previousUnitCode, "previousUnitCode");
        Require.text(previousPath, "previousPath");
    }
}
