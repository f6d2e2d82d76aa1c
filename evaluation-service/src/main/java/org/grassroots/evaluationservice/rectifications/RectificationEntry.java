package org.grassroots.evaluationservice.rectifications;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.evaluation.RectificationLifted;
import org.grassroots.contracts.evaluation.RectificationListed;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A community's place on the rectification list under one rule for one period. It is listed when
 * the rule first finds it below the threshold and lifted when it recovers; each change is an event,
 * which the command returns. Stored as {@link RectificationEntryDocument}.
 */
public final class RectificationEntry {

    private final String id;
    private final String ruleId;
    private final String communityId;
    private final String orgPath;
    private final String period;
    private boolean listed;
    private BigDecimal satisfactionRate;
    private long ratings;
    private BigDecimal threshold;
    private Instant listedAt;
    private Instant liftedAt;
    private long version;

    /**
     * @param id               {@code <rule>:<community>:<period>}
     * @param listed           whether it is on the list now
     * @param satisfactionRate the rate at the last change, 0–1, four places
     * @param ratings          the ratings the last change rested on
     * @param version          1 when first listed, one more per change
     */
    RectificationEntry(String id, String ruleId, String communityId, String orgPath, String period, boolean listed,
            BigDecimal satisfactionRate, long ratings, BigDecimal threshold, Instant listedAt, Instant liftedAt,
            long version) {
        this.id = id;
        this.ruleId = ruleId;
        this.communityId = communityId;
        this.orgPath = orgPath;
        this.period = period;
        this.listed = listed;
        this.satisfactionRate = satisfactionRate;
        this.ratings = ratings;
        this.threshold = threshold;
        this.listedAt = listedAt;
        this.liftedAt = liftedAt;
        this.version = version;
    }

    static String idOf(String ruleId, String communityId, String period) {
        return ruleId + ":" + communityId + ":" + period;
    }

    /** A new entry and the event of its creation. */
    record FirstListed(RectificationEntry entry, RectificationListed event) {
    }

    /** A community found below the rule for the first time in this period. */
    static FirstListed firstListed(RectificationRule rule, String communityId, String orgPath, String period,
            BigDecimal rate, long ratings, Instant now) {
        RectificationEntry entry = new RectificationEntry(idOf(rule.id(), communityId, period), rule.id(), communityId,
                orgPath, period, true, rate, ratings, rule.threshold(), now, null, 1);
        return new FirstListed(entry, entry.listedEvent());
    }

    /** Lists it again after it had recovered earlier in the same period; refused while it is listed. */
    RectificationListed relist(BigDecimal rate, long count, BigDecimal newThreshold, Instant now) {
        if (listed) {
            throw new InvalidStateException("Community " + communityId + " is on the rectification list for " + period
                    + " already");
        }
        listed = true;
        satisfactionRate = rate;
        ratings = count;
        threshold = newThreshold;
        listedAt = now;
        liftedAt = null;
        version++;
        return listedEvent();
    }

    /** Takes it off the list once it meets the rule again; refused when it is not listed. */
    RectificationLifted lift(BigDecimal rate, long count, Instant now) {
        if (!listed) {
            throw new InvalidStateException("Community " + communityId + " is not on the rectification list for "
                    + period);
        }
        listed = false;
        satisfactionRate = rate;
        ratings = count;
        liftedAt = now;
        version++;
        return new RectificationLifted(id, version, orgPath, now, ruleId, communityId, period, rate, count);
    }

    private RectificationListed listedEvent() {
        return new RectificationListed(id, version, orgPath, listedAt, ruleId, communityId, period, satisfactionRate,
                ratings, threshold);
    }

    public String id() {
        return id;
    }

    public String ruleId() {
        return ruleId;
    }

    public String communityId() {
        return communityId;
    }

    public String orgPath() {
        return orgPath;
    }

    public String period() {
        return period;
    }

    public boolean listed() {
        return listed;
    }

    public BigDecimal satisfactionRate() {
        return satisfactionRate;
    }

    public long ratings() {
        return ratings;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    public Instant listedAt() {
        return listedAt;
    }

    public Instant liftedAt() {
        return liftedAt;
    }

    public long version() {
        return version;
    }
}
