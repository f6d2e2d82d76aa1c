package org.grassroots.contracts.orgs;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Something that happened to a party member's membership, on {@code org-events} keyed by the
 * member id. Each carries the whole {@link MemberFacts} after the change; {@code orgPath} is the
 * path of the member's unit.
 */
public sealed interface PartyMemberEvent extends IntegrationEvent
        permits MemberJoined, MemberTransferred, MemberUpdated {

    String memberId();

    MemberFacts member();

    @Override
    default String subject() {
        return memberId();
    }
}
