package org.grassroots.evaluationservice.rectifications.web;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.evaluationservice.rectifications.RectificationEntry;

/** A community's place on the rectification list for a period, as the API and its CSV show it. */
record RectificationEntryResponse(String id, String ruleId, String communityId, String orgPath, String period,
        boolean listed, BigDecimal satisfactionRate, long ratings, BigDecimal threshold, Instant listedAt,
        Instant liftedAt, long version) {

    static RectificationEntryResponse of(RectificationEntry entry) {
        return new RectificationEntryResponse(entry.id(), entry.ruleId(), entry.communityId(), entry.orgPath(),
                entry.period(), entry.listed(), entry.satisfactionRate(), entry.ratings(), entry.threshold(),
                entry.listedAt(), entry.liftedAt(), entry.version());
    }
}
