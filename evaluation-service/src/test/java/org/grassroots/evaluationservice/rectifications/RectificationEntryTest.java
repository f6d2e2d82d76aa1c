package org.grassroots.evaluationservice.rectifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.evaluation.RectificationLifted;
import org.grassroots.contracts.evaluation.RectificationListed;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

/**
 * A community's place on the rectification list: each command returns the event it produced, and
 * refuses what the state does not allow.
 *
 * <pre>
 * state     | relist  | lift
 * listed    | refused | lifted
 * lifted    | listed  | refused
 * </pre>
 */
class RectificationEntryTest {

    private static final Instant NOW = Instant.parse("2026-04-02T02:00:00Z");
    private static final RectificationRule RULE = new RectificationRule("satisfaction-quarterly", "满意率低于60%",
            new BigDecimal("0.60"), 5, Period.QUARTER, true, 1);

    @Test
    void givenACommunityBelowTheRule_whenFirstListed_thenTheEntryIsListedAtVersionOneWithItsEvent() {
        RectificationEntry.FirstListed first = RectificationEntry.firstListed(RULE, "qjp-pulou-chengnan",
                "/qjp/qjp-pulou/qjp-pulou-chengnan", "2026-Q2", new BigDecimal("0.4000"), 5, NOW);

        assertThat(first.entry().listed()).isTrue();
        assertThat(first.entry().version()).isEqualTo(1);
        assertThat(first.event()).returns("satisfaction-quarterly:qjp-pulou-chengnan:2026-Q2", RectificationListed::entryId)
                .returns(1L, RectificationListed::aggregateVersion);
    }

    @Test
    void givenAListedEntry_whenLiftedAndListedAgain_thenEachChangeRaisesTheVersionAndReturnsItsEvent() {
        RectificationEntry entry = listed();

        RectificationLifted lifted = entry.lift(new BigDecimal("0.8000"), 6, NOW.plusSeconds(60));
        assertThat(entry.listed()).isFalse();
        assertThat(lifted.aggregateVersion()).isEqualTo(2);
        assertThat(entry.liftedAt()).isEqualTo(NOW.plusSeconds(60));

        RectificationListed relisted = entry.relist(new BigDecimal("0.5000"), 8, RULE.threshold(), NOW.plusSeconds(120));
        assertThat(entry.listed()).isTrue();
        assertThat(entry.liftedAt()).isNull();
        assertThat(relisted.aggregateVersion()).isEqualTo(3);
    }

    @Test
    void givenAListedEntry_whenListedAgain_thenRefusedAndUnchanged() {
        RectificationEntry entry = listed();

        assertThatThrownBy(() -> entry.relist(new BigDecimal("0.5"), 6, RULE.threshold(), NOW))
                .isInstanceOf(InvalidStateException.class);
        assertThat(entry.version()).isEqualTo(1);
    }

    @Test
    void givenALiftedEntry_whenLiftedAgain_thenRefusedAndUnchanged() {
        RectificationEntry entry = listed();
        entry.lift(new BigDecimal("0.8"), 6, NOW);

        assertThatThrownBy(() -> entry.lift(new BigDecimal("0.9"), 7, NOW)).isInstanceOf(InvalidStateException.class);
        assertThat(entry.version()).isEqualTo(2);
    }

    private static RectificationEntry listed() {
        return RectificationEntry.firstListed(RULE, "qjp-pulou-chengnan", "/qjp/qjp-pulou/qjp-pulou-chengnan",
                "2026-Q2", new BigDecimal("0.4000"), 5, NOW).entry();
    }
}
