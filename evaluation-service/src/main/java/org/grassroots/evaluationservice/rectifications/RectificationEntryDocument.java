package org.grassroots.evaluationservice.rectifications;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a {@link RectificationEntry} is stored ({@code rectification_list}), with its outbox beside it. */
@Document("rectification_list")
record RectificationEntryDocument(
        @Id String id,
        String ruleId,
        String communityId,
        String orgPath,
        String period,
        boolean listed,
        BigDecimal satisfactionRate,
        long ratings,
        BigDecimal threshold,
        Instant listedAt,
        Instant liftedAt,
        long version) {

    static RectificationEntryDocument of(RectificationEntry entry) {
        return new RectificationEntryDocument(entry.id(), entry.ruleId(), entry.communityId(), entry.orgPath(),
                entry.period(), entry.listed(), entry.satisfactionRate(), entry.ratings(), entry.threshold(),
                entry.listedAt(), entry.liftedAt(), entry.version());
    }

    RectificationEntry toEntry() {
        return new RectificationEntry(id, ruleId, communityId, orgPath, period, listed, satisfactionRate, ratings,
                threshold, listedAt, liftedAt, version);
    }
}
