package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.contracts.cases.CaseEscalated;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseExtended;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CasePaused;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseSlaWarning;
import org.grassroots.contracts.cases.CaseSupervised;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.CaseWhistled;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.contracts.cases.SlaStage;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

/**
 * Time limits under pauses, extensions and the SLA thresholds, and the oversight commands:
 * escalation, whistling and reporting in, supervision and rework. A case accepted on Monday
 * 2026-11-23 at 09:00 (China time) has two working hours to be claimed (working periods
 * 08:30–12:00 and 13:30–17:30), so it is due at 11:00 unless paused or extended.
 */
class CaseOversightTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_0900 = at("2026-11-23T09:00");

    @Test
    void givenAPause_whenResumed_thenTheClockStoppedAndTheDeadlineMovesOnByThePausesWorkingTime() {
        Case aCase = accepted();

        CasePaused paused = aCase.pause("dispatcher-1", "等待居民补充照片", at("2026-11-23T09:30"));
        assertThat(paused.stage()).isEqualTo(SlaStage.RESPOND);
        assertThat(paused.facts().deadlines()).isNull();
        assertThat(aCase.isWaitingForResident()).isTrue();
        aCase.resume("dispatcher-1", at("2026-11-23T14:00"));

        // Half an hour used before the pause, 1.5 h left from 14:00: paused 09:30–12:00 and 13:30–14:00 do not count.
        assertThat(aCase.deadlines().respondBy()).isEqualTo(at("2026-11-23T15:30"));
        assertThat(aCase.isWaitingForResident()).isFalse();
    }

    @Test
    void givenAPauseOverNightAndWeekend_whenResumed_thenNoneOfItCounts() {
        Case aCase = accepted();

        aCase.pause("dispatcher-1", "等待居民回电", at("2026-11-23T10:00"));
        aCase.resume("dispatcher-1", at("2026-11-30T10:00"));

        assertThat(aCase.deadlines().respondBy()).isEqualTo(at("2026-11-30T11:00"));
    }

    @Test
    void givenAPausedCase_whenTheSlaIsChecked_thenNoWarningsAndTheScannerDoesNotLookAtIt() {
        Case aCase = accepted();
        aCase.pause("dispatcher-1", "等待居民补充材料", at("2026-11-23T09:10"));

        assertThat(aCase.checkSla(at("2026-11-25T09:00"))).isEmpty();
        assertThat(aCase.nextSlaCheck()).isNull();
    }

    @Test
    void givenARunningClock_whenResumedOrPausedTwice_thenRefused() {
        Case aCase = accepted();

        assertThatThrownBy(() -> aCase.resume("dispatcher-1", at("2026-11-23T09:10")))
                .isInstanceOf(InvalidStateException.class);
        aCase.pause("dispatcher-1", "等待居民补充材料", at("2026-11-23T09:10"));
        assertThatThrownBy(() -> aCase.pause("dispatcher-1", "再次等待", at("2026-11-23T09:20")))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void givenAnAcceptedCase_whenScannedOverTime_thenItWarnsAtHalfAndThreeQuartersThenRunsOverdueIsEscalatedAndSupervisedEachOnce() {
        Case aCase = accepted();
        assertThat(aCase.nextSlaCheck()).isEqualTo(at("2026-11-23T10:00"));

        assertThat(aCase.checkSla(at("2026-11-23T09:59"))).isEmpty();
        List<CaseEvent> half = aCase.checkSla(at("2026-11-23T10:00"));
        assertThat(half).singleElement().isInstanceOfSatisfying(CaseSlaWarning.class, warning -> {
            assertThat(warning.percentElapsed()).isEqualTo(50);
            assertThat(warning.deadline()).isEqualTo(at("2026-11-23T11:00"));
        });
        assertThat(aCase.checkSla(at("2026-11-23T10:10"))).isEmpty();
        assertThat(aCase.nextSlaCheck()).isEqualTo(at("2026-11-23T10:30"));

        List<CaseEvent> late = aCase.checkSla(at("2026-11-23T11:05"));

        assertThat(late).hasSize(4);
        assertThat(late.get(0)).isInstanceOfSatisfying(CaseSlaWarning.class,
                warning -> assertThat(warning.percentElapsed()).isEqualTo(75));
        assertThat(late.get(1)).isInstanceOfSatisfying(CaseOverdue.class,
                overdue -> assertThat(overdue.stage()).isEqualTo(SlaStage.RESPOND));
        assertThat(late.get(2)).isInstanceOfSatisfying(CaseEscalated.class, escalated -> {
            assertThat(escalated.automatic()).isTrue();
            assertThat(escalated.toLevel()).isEqualTo(HandlingLevel.STREET);
        });
        assertThat(late.get(3)).isInstanceOfSatisfying(CaseSupervised.class,
                supervised -> assertThat(supervised.supervisedBy()).isNull());
        assertThat(late).extracting(CaseEvent::aggregateVersion).containsExactly(4L, 5L, 6L, 7L);
        assertThat(aCase.isOverdue()).isTrue();
        assertThat(aCase.isSupervised()).isTrue();
        assertThat(aCase.checkSla(at("2026-11-24T11:00"))).isEmpty();
        assertThat(aCase.nextSlaCheck()).isNull();
    }

    @Test
    void givenAWarningGiven_whenAHigherLevelExtends_thenTheDeadlineMovesAndTheWarningStaysGiven() {
        Case aCase = accepted();
        aCase.checkSla(at("2026-11-23T10:00"));

        CaseExtended extended = aCase.extend(null, TimeLimit.workingHours(2), "需协调物业公司", "street-1",
                at("2026-11-23T10:05"));

        assertThat(extended.newDeadline()).isEqualTo(at("2026-11-23T14:30"));
        assertThat(extended.facts().deadlines().respondBy()).isEqualTo(at("2026-11-23T14:30"));
        assertThat(aCase.checkSla(at("2026-11-23T10:40"))).isEmpty();
        assertThat(aCase.checkSla(at("2026-11-23T11:00"))).singleElement()
                .isInstanceOfSatisfying(CaseSlaWarning.class, warning -> assertThat(warning.percentElapsed()).isEqualTo(50));
    }

    @Test
    void givenAnExtensionCountingTimeUnlikeTheLimitOrNamingAnotherStage_whenExtending_thenRefused() {
        Case aCase = accepted();

        assertThatThrownBy(() -> aCase.extend(null, TimeLimit.minutes(30), "需协调", "street-1", MONDAY_0900))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> aCase.extend(SlaStage.RESOLVE, TimeLimit.workingHours(2), "需协调", "street-1",
                MONDAY_0900)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void givenACommunityCase_whenEscalatedRepeatedly_thenItClimbsOneLevelAtATimeAndStopsAtTheDistrict() {
        Case aCase = accepted();

        assertThat(aCase.escalate("dispatcher-1", "社区协调不了", MONDAY_0900).toLevel()).isEqualTo(HandlingLevel.STREET);
        assertThat(aCase.escalate("street-1", "街道协调不了", MONDAY_0900).toLevel()).isEqualTo(HandlingLevel.DISTRICT);
        assertThatThrownBy(() -> aCase.escalate("admin", "再升级", MONDAY_0900))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("highest");
        assertThat(aCase.level()).isEqualTo(HandlingLevel.DISTRICT);
    }

    @Test
    void givenWhistledDepartments_whenTheyReportInOneByOne_thenTheCaseShowsWhoHasAndWhoHasNot() {
        Case aCase = accepted();

        CaseWhistled whistled = aCase.whistle(List.of("dept-urban", "dept-ecology", "dept-urban"), "dispatcher-1",
                "占道经营兼油烟扰民", MONDAY_0900);
        aCase.reportIn("dept-urban", "urban-1", at("2026-11-23T09:20"));

        assertThat(whistled.departmentIds()).containsExactly("dept-urban", "dept-ecology");
        assertThat(aCase.summons()).extracting(Summons::departmentId, Summons::hasReportedIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dept-urban", true),
                        org.assertj.core.groups.Tuple.tuple("dept-ecology", false));
        assertThatThrownBy(() -> aCase.reportIn("dept-urban", "urban-2", at("2026-11-23T09:30")))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("already reported in");
        assertThatThrownBy(() -> aCase.reportIn("dept-market", "market-1", at("2026-11-23T09:30")))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("was not summoned");
        assertThatThrownBy(() -> aCase.whistle(List.of("dept-ecology"), "dispatcher-1", "再吹", MONDAY_0900))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void givenAClosedCase_whenRatedDissatisfied_thenItReopensForReworkAndTheRatingIsRememberedSoItCountsOnce() {
        Case aCase = CaseWorkflowTest.caseIn(CaseStatus.CLOSED);

        CaseReopened reopened = aCase.reopen(ReopenCause.RESIDENT_DISSATISFIED, "居民不满意", "rating-1", null,
                MONDAY_0900);

        assertThat(reopened.ratingId()).isEqualTo("rating-1");
        assertThat(reopened.cause()).isEqualTo(ReopenCause.RESIDENT_DISSATISFIED);
        assertThat(aCase.hasReworked("rating-1")).isTrue();
        assertThat(aCase.status()).isEqualTo(CaseStatus.REOPENED);
    }

    /** A rubbish case accepted on Monday 09:00, with 2 working hours to be claimed. */
    private static Case accepted() {
        Case aCase = Case.report(CaseTest.RUBBISH, new Case.IntakeDetails(Placement.unlocated("test"), null, null),
                CaseTest.EXPOSED_RUBBISH, "case-1", "GR-20261123-000001", at("2026-11-23T08:55"),
                ChinaCalendar2026.calendar()).aCase();
        aCase.accept("dispatcher-1", null, MONDAY_0900);
        return aCase;
    }

    static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }
}
