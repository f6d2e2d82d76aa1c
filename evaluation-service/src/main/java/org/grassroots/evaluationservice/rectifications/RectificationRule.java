package org.grassroots.evaluationservice.rectifications;

import java.math.BigDecimal;

import org.grassroots.evaluationservice.stats.Period;

/**
 * A rectification rule, kept as data so the district can change it without a release: a
 * community whose residents' satisfaction over one period is below {@code threshold}, judged on
 * at least {@code minimumRatings} ratings, goes on the rectification list (对居民满意度低于60%的，
 * 列入软弱涣散党组织进行整顿). Stored as {@link RectificationRuleDocument}.
 *
 * @param id             e.g. {@code satisfaction-quarterly}
 * @param description    what the rule is for, in words
 * @param threshold      a fraction between 0 and 1; a rate exactly at the threshold is not below it
 * @param minimumRatings fewer ratings than this say too little: the community is not judged
 * @param period         the period judged: month, quarter or year
 * @param active         inactive rules are kept but not applied
 * @param version        for optimistic concurrency of rule edits
 */
public record RectificationRule(
        String id,
        String description,
        BigDecimal threshold,
        int minimumRatings,
        Period period,
        boolean active,
        long version) {

    /** What a rule says about a community's ratings in one period. */
    public enum Verdict {
        /** Satisfaction is below the threshold on enough ratings: list it. */
        BELOW,
        /** Satisfaction meets the threshold on enough ratings: keep it off, or lift it. */
        MEETS,
        /** Too few ratings to judge: nothing changes. */
        TOO_FEW_RATINGS
    }

    /** Judges {@code satisfied} (satisfied plus basically satisfied) of {@code rated}, exactly, without rounding. */
    public Verdict judge(long rated, long satisfied) {
        if (rated < minimumRatings || rated == 0) {
            return Verdict.TOO_FEW_RATINGS;
        }
        // satisfied / rated < threshold, compared as satisfied < threshold × rated to stay exact.
        return BigDecimal.valueOf(satisfied).compareTo(threshold.multiply(BigDecimal.valueOf(rated))) < 0
                ? Verdict.BELOW : Verdict.MEETS;
    }

    /** This rule changed to what {@code wanted} says, one version on. */
    RectificationRule changedTo(RectificationRule wanted) {
        return new RectificationRule(id, wanted.description(), wanted.threshold(), wanted.minimumRatings(),
                wanted.period(), wanted.active(), version + 1);
    }
}
