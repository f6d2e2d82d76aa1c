package org.grassroots.contracts.evaluation;

import java.time.Instant;

/** The checks both rectification events make on what they carry. */
final class RectificationEvents {

    private RectificationEvents() {
    }

    static void require(String entryId, long aggregateVersion, String orgPath, Instant occurredAt, String ruleId,
            String communityId, String period) {
        text(entryId, "entryId");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        if (occurredAt == null) {
            throw new IllegalArgumentException("occurredAt is required");
        }
        text(ruleId, "ruleId");
        text(communityId, "communityId");
        text(period, "period");
    }

    private static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
