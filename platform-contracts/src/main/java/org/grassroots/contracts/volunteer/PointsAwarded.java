package org.grassroots.contracts.volunteer;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * An entry was appended to a member's points ledger (积分): an award or, with negative points, a
 * deduction. Keyed by the member's user id so one member's entries stay in order. The points are
 * the rule's nominal value; the balance applies caps, the yearly reset and the floor when read.
 *
 * @param userId           the member (the token subject), also the event's subject and Kafka key
 * @param aggregateVersion always 1: an entry is written once and never changed
 * @param orgPath          the org path where the points were earned
 * @param occurredAt       when the deed happened (it decides the ledger year)
 * @param entryId          the ledger entry's id, unique per source and beneficiary
 * @param points           signed nominal points
 * @param rule             the rule's code, e.g. {@code CASE_HANDLED_ON_TIME}
 * @param year             the ledger year the entry counts for
 * @param communityId      the community, when known
 * @param gridCode         the grid, when known
 * @param sourceEventId    the id of the event or command that caused it
 */
public record PointsAwarded(
        String userId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String entryId,
        int points,
        String rule,
        int year,
        String communityId,
        String gridCode,
        String sourceEventId) implements IntegrationEvent {

    public PointsAwarded {
        Require.volunteerEvent(userId, "userId", aggregateVersion, orgPath, occurredAt);
        Require.text(entryId, "entryId");
        Require.text(rule, "rule");
        Require.text(sourceEventId, "sourceEventId");
    }

    @Override
    public String subject() {
        return userId;
    }
}
