package org.grassroots.evaluationservice.rectifications;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.evaluation.RectificationLifted;
import org.grassroots.contracts.evaluation.RectificationListed;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community's place on the rectification list under one rule for one period. It is listed when
 * the rule first finds it below the threshold and lifted when it recovers; each change is an event.
 *
 * @param id               {@code <rule>:<community>:<period>}
 * @param listed           whether it is on the list now
 * @param satisfactionRate the rate at the last change, 0–1, four places
 * @param ratings          the ratings the last change rested on
 * @param version          1 when first listed, one more per change
 */
@Document("rectification_list")
public record RectificationEntry(
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

    static String idOf(String ruleId, String communityId, String period) {
        return ruleId + ":" + communityId + ":" + period;
    }

    /** A community found below the rule for the first time in this period. */
    static Change<RectificationListed> firstListed(RectificationRule rule, String communityId, String orgPath,
            String period, BigDecimal rate, long ratings, Instant now) {
        RectificationEntry entry = new RectificationEntry(idOf(rule.id(), communityId, period), rule.id(), communityId,
                orgPath, period, true, rate, ratings, rule.threshold(), now, null, 1);
        return new Change<>(entry, entry.listedEvent());
    }

    /** Listed again after it had recovered earlier in the same period. */
    Change<RectificationListed> relisted(BigDecimal rate, long count, BigDecimal threshold, Instant now) {
        RectificationEntry entry = new RectificationEntry(id, ruleId, communityId, orgPath, period, true, rate, count,
                threshold, now, null, version + 1);
        return new Change<>(entry, entry.listedEvent());
    }

    Change<RectificationLifted> lifted(BigDecimal rate, long count, Instant now) {
        RectificationEntry entry = new RectificationEntry(id, ruleId, communityId, orgPath, period, false, rate, count,
                threshold, listedAt, now, version + 1);
        return new Change<>(entry, new RectificationLifted(id, entry.version, orgPath, now, ruleId, communityId, period,
                rate, count));
    }

    private RectificationListed listedEvent() {
        return new RectificationListed(id, version, orgPath, listedAt, ruleId, communityId, period, satisfactionRate,
                ratings, threshold);
    }

    /** The entry after a change and the event that tells it. */
    record Change<E>(RectificationEntry entry, E event) {
    }
}
