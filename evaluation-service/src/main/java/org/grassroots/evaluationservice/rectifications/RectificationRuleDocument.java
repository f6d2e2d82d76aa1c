package org.grassroots.evaluationservice.rectifications;

import java.math.BigDecimal;

import org.grassroots.evaluationservice.stats.Period;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a {@link RectificationRule} is stored ({@code rectification_rules}). */
@Document("rectification_rules")
record RectificationRuleDocument(
        @Id String id,
        String description,
        BigDecimal threshold,
        int minimumRatings,
        Period period,
        boolean active,
        long version) {

    static RectificationRuleDocument of(RectificationRule rule) {
        return new RectificationRuleDocument(rule.id(), rule.description(), rule.threshold(), rule.minimumRatings(),
                rule.period(), rule.active(), rule.version());
    }

    RectificationRule toRule() {
        return new RectificationRule(id, description, threshold, minimumRatings, period, active, version);
    }
}
