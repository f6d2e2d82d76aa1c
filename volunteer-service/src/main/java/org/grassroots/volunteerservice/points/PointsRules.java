package org.grassroots.volunteerservice.points;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * The points scheme administrators manage: the award rules, the floor the balance never falls
 * below, whether balances start again from zero each year, the balances that earn each star, and
 * the most points one manual award may give or take.
 *
 * @param rules          the award rules, by code
 * @param floor          the lowest balance a deduction can leave (0: points never go negative)
 * @param yearlyReset    balances count only the current year's entries
 * @param starThresholds ascending balances for one star, two stars… (星级)
 * @param manualLimit    the most points a single manual award or deduction may carry
 * @param version        the scheme's version, for optimistic concurrency
 */
public record PointsRules(List<AwardRule> rules, int floor, boolean yearlyReset, List<Integer> starThresholds,
        int manualLimit, long version) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public PointsRules {
        rules = List.copyOf(rules);
        starThresholds = List.copyOf(starThresholds);
        validate(rules, floor, starThresholds, manualLimit);
    }

    /** The scheme a new installation starts with, after common party-member points practice. */
    public static PointsRules defaults() {
        return new PointsRules(List.of(
                new AwardRule(RuleCodes.CASE_HANDLED_ON_TIME, "按期办结群众诉求", 5, 100),
                new AwardRule(RuleCodes.CASE_OVERDUE, "诉求办理超时", -3, null),
                new AwardRule(RuleCodes.REPORT_ACCEPTED, "网格员/快递小哥上报问题被立案", 2, 60),
                new AwardRule(RuleCodes.ACTIVITY_ATTENDED, "参加社区志愿服务活动", 3, 60),
                new AwardRule(RuleCodes.WISH_FULFILLED, "认领并完成微心愿", 5, 50),
                new AwardRule(RuleCodes.MANUAL_AWARD, "社区加分", 1, null),
                new AwardRule(RuleCodes.MANUAL_DEDUCTION, "社区减分", -1, null)),
                0, true, List.of(20, 50, 100, 200, 300), 20, 1);
    }

    public Optional<AwardRule> rule(String code) {
        return rules.stream().filter(rule -> rule.code().equals(code)).findFirst();
    }

    /** 0 to the number of thresholds: how many thresholds the balance reaches. */
    public int starsFor(int balance) {
        return (int) starThresholds.stream().filter(threshold -> balance >= threshold).count();
    }

    public PointsRules withVersion(long newVersion) {
        return new PointsRules(rules, floor, yearlyReset, starThresholds, manualLimit, newVersion);
    }

    private static void validate(List<AwardRule> rules, int floor, List<Integer> stars, int manualLimit) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            AwardRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule.code() == null || !CODE.matcher(rule.code()).matches()) {
                errors.add(new FieldError(at + ".code", "must be upper case letters, digits and _"));
            } else if (!codes.add(rule.code())) {
                errors.add(new FieldError(at + ".code", "appears twice"));
            }
            if (Math.abs(rule.points()) > 1000) {
                errors.add(new FieldError(at + ".points", "must lie between -1000 and 1000"));
            }
            if (rule.capPerYear() != null && (rule.capPerYear() < 1 || rule.points() < 0)) {
                errors.add(new FieldError(at + ".capPerYear", "must be positive, and only on a rule that awards"));
            }
        }
        for (String required : List.of(RuleCodes.CASE_HANDLED_ON_TIME, RuleCodes.CASE_OVERDUE,
                RuleCodes.REPORT_ACCEPTED, RuleCodes.ACTIVITY_ATTENDED, RuleCodes.WISH_FULFILLED,
                RuleCodes.MANUAL_AWARD, RuleCodes.MANUAL_DEDUCTION)) {
            if (!codes.contains(required) && errors.isEmpty()) {
                errors.add(new FieldError("rules", "must keep the rule " + required + " (set its points to 0 to switch it off)"));
            }
        }
        if (floor > 0 || floor < -1000) {
            errors.add(new FieldError("floor", "must lie between -1000 and 0"));
        }
        for (int i = 1; i < stars.size(); i++) {
            if (stars.get(i) <= stars.get(i - 1)) {
                errors.add(new FieldError("starThresholds", "must rise strictly"));
                break;
            }
        }
        if (!stars.isEmpty() && stars.get(0) < 1) {
            errors.add(new FieldError("starThresholds", "must start at 1 or more"));
        }
        if (manualLimit < 1 || manualLimit > 1000) {
            errors.add(new FieldError("manualLimit", "must lie between 1 and 1000"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }
}
