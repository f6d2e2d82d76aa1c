package org.grassroots.evaluationservice.rectifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.grassroots.evaluationservice.rectifications.RectificationRule.Verdict;
import org.grassroots.evaluationservice.stats.Period;
import org.junit.jupiter.api.Test;

class RectificationRuleTest {

    final RectificationRule sixtyPercentOnFive = new RectificationRule("satisfaction-quarterly", "满意率低于60%",
            new BigDecimal("0.60"), 5, Period.QUARTER, true, 1);

    @Test
    void givenExactlySixtyPercent_whenJudged_thenTheCommunityMeetsTheRule() {
        assertThat(sixtyPercentOnFive.judge(5, 3)).isEqualTo(Verdict.MEETS);
        assertThat(sixtyPercentOnFive.judge(10, 6)).isEqualTo(Verdict.MEETS);
    }

    @Test
    void givenJustBelowSixtyPercent_whenJudged_thenTheCommunityIsBelow() {
        assertThat(sixtyPercentOnFive.judge(10, 5)).isEqualTo(Verdict.BELOW);
        assertThat(sixtyPercentOnFive.judge(1000, 599)).isEqualTo(Verdict.BELOW);
    }

    @Test
    void givenFewerRatingsThanTheMinimum_whenJudged_thenNothingIsDecidedEvenAtZeroPercent() {
        assertThat(sixtyPercentOnFive.judge(4, 0)).isEqualTo(Verdict.TOO_FEW_RATINGS);
        assertThat(sixtyPercentOnFive.judge(0, 0)).isEqualTo(Verdict.TOO_FEW_RATINGS);
    }
}
