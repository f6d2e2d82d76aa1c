package org.grassroots.volunteerservice.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Balances derived from entries: caps per item per year, the floor, and the yearly reset at the turn of the year. */
class PointsStatementTest {

    static final ZoneId HUAIAN = ZoneId.of("Asia/Shanghai");
    static final PointsRules RULES = PointsRules.defaults();
    // 23:59 on 31 December 2026 in Huai'an, and one minute later
    static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T15:59:00Z");
    static final Instant NEW_YEAR = Instant.parse("2026-12-31T16:00:00Z");

    final LedgerCalendar calendar = new LedgerCalendar(Clock.fixed(NEW_YEAR, ZoneOffset.UTC), new PointsProperties(HUAIAN));

    int sequence;

    @Test
    void givenAwardsBeyondTheYearlyCap_whenTheBalanceIsDerived_thenOnlyTheCapCounts() {
        List<PointsEntry> entries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            entries.add(entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 100, Instant.parse("2026-03-01T02:00:00Z").plusSeconds(i)));
        }

        PointsStatement statement = PointsStatement.of(entries, 2026, RULES);

        assertThat(statement.balance()).isEqualTo(100);
        assertThat(statement.lines()).extracting(PointsStatement.Line::counted).containsOnly(5, 0);
        assertThat(statement.lines().subList(20, 25)).extracting(PointsStatement.Line::counted).containsOnly(0);
    }

    @Test
    void givenACapNearlyUsed_whenAnAwardExceedsWhatIsLeft_thenTheRemainderCounts() {
        List<PointsEntry> entries = List.of(
                entry(RuleCodes.WISH_FULFILLED, 8, 10, Instant.parse("2026-04-01T02:00:00Z")),
                entry(RuleCodes.WISH_FULFILLED, 8, 10, Instant.parse("2026-04-02T02:00:00Z")));

        assertThat(PointsStatement.of(entries, 2026, RULES).lines())
                .extracting(PointsStatement.Line::counted).containsExactly(8, 2);
    }

    @Test
    void givenADeductionLargerThanTheBalance_whenDerived_thenTheBalanceStopsAtTheFloor() {
        List<PointsEntry> entries = List.of(
                entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 100, Instant.parse("2026-05-01T02:00:00Z")),
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-05-02T02:00:00Z")),
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-05-03T02:00:00Z")),
                entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 100, Instant.parse("2026-05-04T02:00:00Z")));

        PointsStatement statement = PointsStatement.of(entries, 2026, RULES);

        assertThat(statement.lines()).extracting(PointsStatement.Line::counted).containsExactly(5, -3, -2, 5);
        assertThat(statement.balance()).isEqualTo(5);
    }

    @Test
    void givenEntriesArrivingInAnyOrder_whenDerived_thenTheStatementIsTheSame() {
        List<PointsEntry> entries = new ArrayList<>(List.of(
                entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 10, Instant.parse("2026-05-01T02:00:00Z")),
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-05-02T02:00:00Z")),
                entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 10, Instant.parse("2026-05-03T02:00:00Z")),
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-05-03T02:00:00Z")),
                entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 10, Instant.parse("2026-05-04T02:00:00Z"))));
        PointsStatement inOrder = PointsStatement.of(entries, 2026, RULES);

        Collections.reverse(entries);
        PointsStatement reversed = PointsStatement.of(entries, 2026, RULES);

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder.balance()).isEqualTo(4);
    }

    @Test
    void givenADeedOnNewYearsEveAndOneAfterMidnight_whenTheLedgerYearIsTaken_thenTheyFallInDifferentYears() {
        assertThat(calendar.yearOf(NEW_YEARS_EVE)).isEqualTo(2026);
        assertThat(calendar.yearOf(NEW_YEAR)).isEqualTo(2027);
        assertThat(calendar.currentYear()).isEqualTo(2027);
    }

    @Test
    void givenLastYearsPoints_whenTheYearTurns_thenTheBalanceStartsAgainFromZeroAndTheCapsToo() {
        List<PointsEntry> entries = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            entries.add(entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 100, NEW_YEARS_EVE.minusSeconds(i)));
        }
        entries.add(entry(RuleCodes.CASE_HANDLED_ON_TIME, 5, 100, NEW_YEAR));
        entries.add(entry(RuleCodes.CASE_OVERDUE, -3, null, NEW_YEAR.plusSeconds(60)));
        entries.add(entry(RuleCodes.CASE_OVERDUE, -3, null, NEW_YEAR.plusSeconds(120)));

        PointsStatement lastYear = PointsStatement.of(entries, 2026, RULES);
        PointsStatement thisYear = PointsStatement.of(entries, calendar.currentYear(), RULES);

        assertThat(lastYear.balance()).isEqualTo(100);
        assertThat(lastYear.stars()).isEqualTo(3);
        assertThat(thisYear.year()).isEqualTo(2027);
        assertThat(thisYear.lines()).extracting(PointsStatement.Line::counted).containsExactly(5, -3, -2);
        assertThat(thisYear.balance()).isZero();
        assertThat(thisYear.stars()).isZero();
    }

    @Test
    void givenASchemeWithoutYearlyReset_whenTheYearTurns_thenTheBalanceCarriesOverButCapsStillResetPerYear() {
        PointsRules carryOver = new PointsRules(RULES.rules(), 0, false, RULES.starThresholds(), 20, 2);
        List<PointsEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(entry(RuleCodes.WISH_FULFILLED, 5, 10, NEW_YEARS_EVE.minusSeconds(i)));
            entries.add(entry(RuleCodes.WISH_FULFILLED, 5, 10, NEW_YEAR.plusSeconds(i)));
        }

        assertThat(PointsStatement.of(entries, 2027, carryOver).balance()).isEqualTo(20);
    }

    @Test
    void givenANegativeFloor_whenDeductionsExceedTheBalance_thenTheBalanceStopsAtThatFloor() {
        PointsRules belowZero = new PointsRules(RULES.rules(), -5, true, RULES.starThresholds(), 20, 2);
        List<PointsEntry> entries = List.of(
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-06-01T02:00:00Z")),
                entry(RuleCodes.CASE_OVERDUE, -3, null, Instant.parse("2026-06-02T02:00:00Z")));

        assertThat(PointsStatement.of(entries, 2026, belowZero).balance()).isEqualTo(-5);
    }

    @Test
    void givenStarThresholds_whenBalancesReachThem_thenTheStarLevelCountsThem() {
        assertThat(RULES.starsFor(19)).isZero();
        assertThat(RULES.starsFor(20)).isEqualTo(1);
        assertThat(RULES.starsFor(199)).isEqualTo(3);
        assertThat(RULES.starsFor(1000)).isEqualTo(5);
    }

    private PointsEntry entry(String rule, int points, Integer cap, Instant when) {
        String id = String.format("e%04d", sequence++);
        return new PointsEntry(id, "member-1", points, rule, "test", id, calendar.yearOf(when), when, cap,
                "/qjp/qjp-pulou/qjp-pulou-chengnan", "qjp-pulou-chengnan", "320812001001001", null);
    }
}
