package org.grassroots.contracts.evaluation;

import java.time.Instant;

import org.grassroots.contracts.EventChecks;

/** The checks both rectification events make on what they carry. */
final class RectificationEvents {

    private RectificationEvents() {
    }

    static void require(String entryId, long aggregateVersion, String orgPath, Instant occurredAt, String ruleId,
            String communityId, String period) {
        EventChecks.envelope(entryId, "entryId", aggregateVersion, orgPath, occurredAt);
        EventChecks.text(ruleId, "ruleId");
        EventChecks.text(communityId, "communityId");
        EventChecks.text(period, "period");
    }
}
