package org.grassroots.contracts.volunteer;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A micro-wish (微心愿) on the wish wall was fulfilled. The wish's text and the resident who
 * posted it stay in volunteer-service: free text written by residents may hold personal data.
 *
 * @param wishId           the wish, also the event's subject and Kafka key
 * @param aggregateVersion the wish's version after this change
 * @param orgPath          the org path of the community the wish belongs to
 * @param occurredAt       when it was fulfilled
 * @param communityId      the community
 * @param helperKind       {@code PARTY_MEMBER} or {@code UNIT}
 * @param helperId         the helping member's user id, or the co-building unit's id
 */
public record WishFulfilled(
        String wishId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String communityId,
        String helperKind,
        String helperId) implements IntegrationEvent {

    public WishFulfilled {
        Require.volunteerEvent(wishId, "wishId", aggregateVersion, orgPath, occurredAt);
        Require.text(communityId, "communityId");
        Require.text(helperKind, "helperKind");
        Require.text(helperId, "helperId");
    }

    @Override
    public String subject() {
        return wishId;
    }
}
