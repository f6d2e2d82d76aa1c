package org.grassroots.volunteerservice.points;

import java.time.Instant;

/**
 * One line of a member's points ledger, written once and never changed. It keeps the rule's
 * nominal points and the cap in force when it was written, so the balance can be derived from
 * the entries alone, in the same way whenever and however often they are read.
 *
 * @param id            unique per source and beneficiary, e.g. {@code <event id>:<user id>}
 * @param userId        who the points are for
 * @param points        nominal points (negative for a deduction)
 * @param rule          the rule's code
 * @param reason        why, in words (required for manual awards)
 * @param sourceEventId the event, activity, wish or staff request that caused it
 * @param year          the ledger year, from {@code occurredAt} in the district's time zone
 * @param occurredAt    when the deed happened (not when the entry was written)
 * @param capPerYear    the rule's yearly cap when the entry was written, or null
 * @param orgPath       where the points were earned
 * @param communityId   the community, when known
 * @param gridCode      the grid, when known
 * @param awardedBy     the staff member who gave a manual award, null for automatic entries
 */
public record PointsEntry(String id, String userId, int points, String rule, String reason, String sourceEventId,
        int year, Instant occurredAt, Integer capPerYear, String orgPath, String communityId, String gridCode,
        String awardedBy) {
}
