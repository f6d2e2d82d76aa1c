package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.caseservice.categories.CategoryLimits;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseResolved;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** The time limits of a case on the 2026 calendar in Asia/Shanghai (08:30-12:00, 13:30-17:30). */
class CaseDeadlinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar CALENDAR = ChinaCalendar2026.calendar();
    static final Assignee HOUSING = new Assignee(AssigneeKind.DEPARTMENT, "dept-housing", "区住建局");
    static final Category RUBBISH = category("EXPOSED_RUBBISH", CategoryLimits.parse("2h", "1d", "1d", "limits"), null);
    static final Category GAS_LEAK = category("GAS_LEAK", CategoryLimits.parse("4h", "2d", "1d", "limits"),
            CategoryLimits.parse("10m", "120m", "240m", "emergencyLimits"));

    /** Friday 20 November 2026. */
    static final Instant FRIDAY_1600 = at("2026-11-20T16:00");

    @Test
    void givenAReportedCase_thenNoDeadlineRunsBeforeItIsAccepted() {
        Case.Reported reported = report(RUBBISH, false, FRIDAY_1600);

        assertThat(reported.event().facts().deadlines()).isNull();
        assertThat(reported.aCase().expectedCompletion()).isNull();
    }

    @Test
    void givenTwoWorkingHoursToRespond_whenAcceptedFridayAt1600_thenItIsDueMondayAt0900() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();

        CaseAccepted accepted = aCase.accept("dispatcher-1", null, FRIDAY_1600);

        // 16:00-17:30 on Friday is 1h30; the other 30 minutes run from 08:30 on Monday.
        assertThat(accepted.facts().deadlines()).isEqualTo(new Deadlines(at("2026-11-23T09:00"), null, null));
        // Before the claim the resolve limit (one working day) is counted from the respond deadline.
        assertThat(aCase.expectedCompletion()).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void givenAnAcceptedCase_whenItMovesThroughTheStages_thenTheDeadlinesFollowAndEveryEventCarriesThem() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);
        CaseDispatched dispatched = aCase.dispatch(HOUSING, "dispatcher-1", null, at("2026-11-20T16:30"));
        CaseClaimed claimed = aCase.claim("housing-1", at("2026-11-23T08:45"));
        CaseResolved resolved = aCase.resolve("housing-1", "已清运", List.of(), at("2026-11-23T15:00"));

        assertThat(dispatched.facts().deadlines()).isEqualTo(new Deadlines(at("2026-11-23T09:00"), null, null));
        // One working day (7h30) from Monday 08:45 ends Tuesday 08:45.
        assertThat(claimed.facts().deadlines())
                .isEqualTo(new Deadlines(at("2026-11-23T09:00"), at("2026-11-24T08:45"), null));
        assertThat(resolved.facts().deadlines()).isEqualTo(
                new Deadlines(at("2026-11-23T09:00"), at("2026-11-24T08:45"), at("2026-11-24T15:00")));
        assertThat(aCase.expectedCompletion()).isEqualTo(at("2026-11-24T08:45"));
    }

    @Test
    void givenEveryStageInTime_whenChecked_thenTheCaseClosesOnTimeWithTheWallClockHandlingTime() {
        Case aCase = report(RUBBISH, false, at("2026-11-20T15:00")).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);
        aCase.dispatch(HOUSING, "dispatcher-1", null, FRIDAY_1600);
        aCase.claim("housing-1", at("2026-11-23T09:00"));
        aCase.resolve("housing-1", "已清运", List.of(), at("2026-11-23T16:00"));

        CaseClosed closed = closed(aCase.verify(true, "grid-worker-1", null, at("2026-11-24T10:00")));

        assertThat(closed.onTime()).isTrue();
        assertThat(closed.handlingTime()).isEqualTo(Duration.ofHours(91));
    }

    @Test
    void givenALateClaim_whenChecked_thenTheCaseClosesLateEvenIfTheOtherStagesWereInTime() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);
        aCase.dispatch(HOUSING, "dispatcher-1", null, FRIDAY_1600);
        aCase.claim("housing-1", at("2026-11-23T09:01"));
        aCase.resolve("housing-1", "已清运", List.of(), at("2026-11-23T10:00"));

        CaseClosed closed = closed(aCase.verify(true, "grid-worker-1", null, at("2026-11-23T11:00")));

        assertThat(closed.onTime()).isFalse();
    }

    @Test
    void givenALateCheck_whenPassed_thenTheCaseClosesLate() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);
        aCase.dispatch(HOUSING, "dispatcher-1", null, FRIDAY_1600);
        aCase.claim("housing-1", at("2026-11-20T16:10"));
        aCase.resolve("housing-1", "已清运", List.of(), at("2026-11-20T17:00"));

        CaseClosed closed = closed(aCase.verify(true, "grid-worker-1", null, at("2026-11-23T17:01")));

        assertThat(closed.onTime()).isFalse();
    }

    @Test
    void givenAReturnedCase_whenDispatchedAgain_thenTheRespondClockRestartsAndTheLaterStagesAreCleared() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);
        aCase.dispatch(HOUSING, "dispatcher-1", null, FRIDAY_1600);
        aCase.claim("housing-1", at("2026-11-20T16:10"));
        aCase.returnToDispatcher("housing-1", "属城管职责", at("2026-11-23T10:00"));

        CaseDispatched again = aCase.dispatch(HOUSING, "dispatcher-1", null, at("2026-11-23T11:00"));

        assertThat(again.facts().deadlines()).isEqualTo(new Deadlines(at("2026-11-23T14:30"), null, null));
    }

    @Test
    void givenAnEmergency_whenAccepted_thenItRunsOnTheEmergencyTierAroundTheClock() {
        Case.Reported reported = report(GAS_LEAK, true, at("2026-11-21T22:00"));
        Case aCase = reported.aCase();

        CaseAccepted accepted = aCase.accept("dispatcher-1", null, at("2026-11-21T22:05"));

        assertThat(reported.event().facts().emergency()).isTrue();
        assertThat(accepted.facts().emergency()).isTrue();
        assertThat(accepted.facts().deadlines().respondBy()).isEqualTo(at("2026-11-21T22:15"));
    }

    @Test
    void givenACategoryWithoutAnEmergencyTier_whenAnEmergencyIsReported_thenRefusedOnEmergency() {
        assertThatThrownBy(() -> report(RUBBISH, true, FRIDAY_1600))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused ->
                        assertThat(refused.errors()).singleElement().satisfies(error ->
                                assertThat(error.field()).isEqualTo("emergency")));
    }

    @Test
    void givenAnAcceptedCase_whenStoredAndReloaded_thenTheClocksSurviveTheDocument() {
        Case aCase = report(RUBBISH, false, FRIDAY_1600).aCase();
        aCase.accept("dispatcher-1", null, FRIDAY_1600);

        Case reloaded = CaseDocument.of(aCase).toCase(CALENDAR);

        assertThat(reloaded.deadlines()).isEqualTo(aCase.deadlines());
        assertThat(CaseDocument.of(aCase).sla()).extracting(StageClock::limit).containsExactly("2h", "1d", "1d");
    }

    private static CaseClosed closed(List<CaseEvent> events) {
        return (CaseClosed) events.get(1);
    }

    private static Case.Reported report(Category category, boolean emergency, Instant now) {
        Case.NewReport report = new Case.NewReport(category.code(), "垃圾堆积", new GeoPoint(119.0213, 33.6012), "路口",
                Channel.RESIDENT_APP, "resident-1", "/qjp/qjp-pulou/qjp-pulou-chengnan", emergency);
        return Case.report(report, category, "case-1", "GR-20261120-000001", now, CALENDAR);
    }

    private static Category category(String code, CategoryLimits limits, CategoryLimits emergencyLimits) {
        return Category.define(code, new CategoryDefinition(code, code, CategoryKind.COMPLAINT,
                HandlingLevel.COMMUNITY, "dept-urban", limits, emergencyLimits, List.of()));
    }

    private static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void givenANewReport_thenItsReportedEventHasNoDeadlinesYet() {
        CaseReported event = report(RUBBISH, false, FRIDAY_1600).event();

        assertThat(event.facts().deadlines()).isNull();
        assertThat(event.facts().emergency()).isFalse();
    }
}
