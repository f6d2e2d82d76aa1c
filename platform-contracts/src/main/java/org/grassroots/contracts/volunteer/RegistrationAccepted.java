package org.grassroots.contracts.volunteer;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A community accepted an in-service party member's dual registration (在职党员双报到): the
 * community is now the member's home community for volunteer service.
 *
 * @param registrationId   the registration, also the event's subject and Kafka key
 * @param aggregateVersion the registration's version after this change
 * @param orgPath          the org path of the community
 * @param occurredAt       when it was accepted
 * @param memberId         the party member's user id
 * @param communityId      the community
 */
public record RegistrationAccepted(
        String registrationId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String memberId,
        String communityId) implements IntegrationEvent {

    public RegistrationAccepted {
        Require.volunteerEvent(registrationId, "registrationId", aggregateVersion, orgPath, occurredAt);
        Require.text(memberId, "memberId");
        Require.text(communityId, "communityId");
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
