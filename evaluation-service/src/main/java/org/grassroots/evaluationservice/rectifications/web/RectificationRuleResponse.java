package org.grassroots.evaluationservice.rectifications.web;

import java.math.BigDecimal;

import org.grassroots.evaluationservice.rectifications.RectificationRule;
import org.grassroots.evaluationservice.stats.Period;

/** A rectification rule as the API shows it. */
record RectificationRuleResponse(String id, String description, BigDecimal threshold, int minimumRatings,
        Period period, boolean active, long version) {

    static RectificationRuleResponse of(RectificationRule rule) {
        return new RectificationRuleResponse(rule.id(), rule.description(), rule.threshold(), rule.minimumRatings(),
                rule.period(), rule.active(), rule.version());
    }
}
