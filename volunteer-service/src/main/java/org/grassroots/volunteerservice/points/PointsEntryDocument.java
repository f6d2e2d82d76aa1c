package org.grassroots.volunteerservice.points;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a ledger entry is stored. Its {@code _id} is the entry id, unique per source and
 * beneficiary: inserting it is at once the effect and the record that the source was applied,
 * and its {@code PointsAwarded} event rides in the same document's outbox.
 */
@Document(PointsEntryDocument.COLLECTION)
record PointsEntryDocument(
        @Id String id,
        String userId,
        int points,
        String rule,
        String reason,
        String sourceEventId,
        int year,
        Instant occurredAt,
        Integer capPerYear,
        String orgPath,
        String communityId,
        String gridCode,
        String awardedBy,
        Instant recordedAt,
        long version) {

    static final String COLLECTION = "points_entries";

    static PointsEntryDocument of(PointsEntry entry, Instant recordedAt) {
        return new PointsEntryDocument(entry.id(), entry.userId(), entry.points(), entry.rule(), entry.reason(),
                entry.sourceEventId(), entry.year(), entry.occurredAt(), entry.capPerYear(), entry.orgPath(),
                entry.communityId(), entry.gridCode(), entry.awardedBy(), recordedAt, 1);
    }

    PointsEntry toEntry() {
        return new PointsEntry(id, userId, points, rule, reason, sourceEventId, year, occurredAt, capPerYear, orgPath,
                communityId, gridCode, awardedBy);
    }
}
