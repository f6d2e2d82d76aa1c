package org.grassroots.volunteerservice.points.web;

import java.util.List;

import org.grassroots.volunteerservice.points.AwardRule;
import org.grassroots.volunteerservice.points.PointsRules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The points scheme, read and written whole; {@code version} is the one the administrator last read. */
record RulesBody(
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid RuleBody> rules,
        @NotNull Integer floor,
        @NotNull Boolean yearlyReset,
        @NotNull @Size(max = 10) List<@NotNull Integer> starThresholds,
        @NotNull Integer manualLimit,
        @NotNull @Positive Long version) {

    record RuleBody(@NotBlank @Size(max = 40) String code, @Size(max = 200) String description,
            @NotNull Integer points, Integer capPerYear) {
    }

    static RulesBody of(PointsRules rules) {
        return new RulesBody(rules.rules().stream()
                .map(rule -> new RuleBody(rule.code(), rule.description(), rule.points(), rule.capPerYear())).toList(),
                rules.floor(), rules.yearlyReset(), rules.starThresholds(), rules.manualLimit(), rules.version());
    }

    PointsRules toRules() {
        return new PointsRules(rules.stream()
                .map(rule -> new AwardRule(rule.code(), rule.description(), rule.points(), rule.capPerYear())).toList(),
                floor, yearlyReset, starThresholds, manualLimit, version);
    }
}
