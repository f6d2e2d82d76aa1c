package org.grassroots.volunteerservice.points.web;

import java.time.Instant;

import org.grassroots.volunteerservice.points.PointsEntry;

/**
 * A ledger entry. {@code points} is what the rule gave; {@code counted} what it added to the
 * balance after the yearly cap and the floor (absent where no balance is being shown).
 */
record EntryResponse(String id, String userId, int points, Integer counted, String rule, String reason,
        String sourceEventId, int year, Instant occurredAt, String orgPath, String communityId, String gridCode,
        String awardedBy) {

    static EntryResponse of(PointsEntry entry, Integer counted) {
        return new EntryResponse(entry.id(), entry.userId(), entry.points(), counted, entry.rule(), entry.reason(),
                entry.sourceEventId(), entry.year(), entry.occurredAt(), entry.orgPath(), entry.communityId(),
                entry.gridCode(), entry.awardedBy());
    }
}
