package org.grassroots.volunteerservice.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** The scheme administrators edit refuses what would make balances meaningless. */
class PointsRulesTest {

    static final PointsRules DEFAULTS = PointsRules.defaults();

    @Test
    void givenTheDefaults_whenRead_thenEveryRuleTheServiceTriggersIsThere() {
        assertThat(DEFAULTS.rule(RuleCodes.CASE_HANDLED_ON_TIME)).get().extracting(AwardRule::points).isEqualTo(5);
        assertThat(DEFAULTS.rule(RuleCodes.CASE_OVERDUE)).get().extracting(AwardRule::points).isEqualTo(-3);
        assertThat(DEFAULTS.floor()).isZero();
        assertThat(DEFAULTS.yearlyReset()).isTrue();
    }

    @Test
    void givenAPositiveFloor_whenBuilt_thenTheFloorFieldIsNamed() {
        assertThatThrownBy(() -> new PointsRules(DEFAULTS.rules(), 5, true, List.of(), 20, 1))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("floor"));
    }

    @Test
    void givenACapOnADeduction_whenBuilt_thenItIsRefused() {
        List<AwardRule> rules = new ArrayList<>(DEFAULTS.rules());
        rules.set(1, new AwardRule(RuleCodes.CASE_OVERDUE, "超时", -3, 10));

        assertThatThrownBy(() -> new PointsRules(rules, 0, true, List.of(), 20, 1))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("rules[1].capPerYear"));
    }

    @Test
    void givenARuleTheServiceNeedsIsMissing_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> new PointsRules(DEFAULTS.rules().subList(1, 7), 0, true, List.of(), 20, 1))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining(RuleCodes.CASE_HANDLED_ON_TIME);
    }

    @Test
    void givenFallingStarThresholds_whenBuilt_thenTheyAreRefused() {
        assertThatThrownBy(() -> new PointsRules(DEFAULTS.rules(), 0, true, List.of(50, 20), 20, 1))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("starThresholds");
    }
}
