package org.grassroots.volunteerservice.points;

import java.time.Instant;

/**
 * A deed that earns (or loses) points under a rule, as the part of the service that saw it
 * describes it. {@code entryId} makes it count once: the same deed described twice is one entry.
 *
 * @param points the points to record, or null for the rule's own value (manual awards set them)
 */
public record Award(String entryId, String userId, String rule, Integer points, String reason, String sourceEventId,
        Instant occurredAt, String orgPath, String communityId, String gridCode, String awardedBy) {

    public static Award automatic(String entryId, String userId, String rule, String reason, String sourceEventId,
            Instant occurredAt, String orgPath, String communityId, String gridCode) {
        return new Award(entryId, userId, rule, null, reason, sourceEventId, occurredAt, orgPath, communityId, gridCode,
                null);
    }
}
