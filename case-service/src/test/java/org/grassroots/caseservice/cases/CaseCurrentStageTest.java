package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.SlaStage;
import org.junit.jupiter.api.Test;

/**
 * The running stage a case list shows for each case (its start and deadline), on the 2026 calendar
 * in Asia/Shanghai (08:30-12:00, 13:30-17:30).
 */
class CaseCurrentStageTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingCalendar CALENDAR = ChinaCalendar2026.calendar();
    static final Assignee HOUSING = new Assignee(AssigneeKind.DEPARTMENT, "dept-housing", "区住建局");
    static final Category RUBBISH = Category.define("EXPOSED_RUBBISH", new CategoryDefinition("EXPOSED_RUBBISH",
            "暴露垃圾", CategoryKind.COMPLAINT, HandlingLevel.COMMUNITY, "dept-urban",
            CategoryLimits.parse("2h", "1d", "1d", "limits"), null, List.of()));

    @Test
    void givenAReportedCase_whenTheListAsks_thenNoStageRuns() {
        Case aCase = report(at("2026-11-23T09:00"));

        assertThat(aCase.currentStage(at("2026-11-23T10:00"))).isEmpty();
    }

    @Test
    void givenACaseClaimedLongAfterItWasReported_whenTheListAsks_thenTheResolveStageStartsAtTheClaimNotTheReport() {
        Case aCase = report(at("2026-11-20T09:00"));
        aCase.accept("dispatcher-1", null, at("2026-11-20T09:00"));
        aCase.dispatch(HOUSING, "dispatcher-1", null, at("2026-11-20T09:10"));
        aCase.claim("housing-1", at("2026-11-23T09:00"));

        StageStatus current = aCase.currentStage(at("2026-11-23T10:00")).orElseThrow();

        assertThat(current.stage()).isEqualTo(SlaStage.RESOLVE);
        assertThat(current.startedAt()).isEqualTo(at("2026-11-23T09:00"));
        // One working day (7h30) from Monday 09:00 ends Tuesday 09:00.
        assertThat(current.deadline()).isEqualTo(at("2026-11-24T09:00"));
        assertThat(current.usedPercent()).isEqualTo(13);
    }

    @Test
    void givenAResolvedCase_whenTheListAsks_thenTheVerifyStageRunsFromTheResolve() {
        Case aCase = report(at("2026-11-23T09:00"));
        aCase.accept("dispatcher-1", null, at("2026-11-23T09:00"));
        aCase.dispatch(HOUSING, "dispatcher-1", null, at("2026-11-23T09:10"));
        aCase.claim("housing-1", at("2026-11-23T09:20"));
        aCase.resolve("housing-1", "已清运", List.of(), at("2026-11-23T15:00"));

        StageStatus current = aCase.currentStage(at("2026-11-23T15:30")).orElseThrow();

        assertThat(current.stage()).isEqualTo(SlaStage.VERIFY);
        assertThat(current.startedAt()).isEqualTo(at("2026-11-23T15:00"));
        assertThat(current.deadline()).isEqualTo(at("2026-11-24T15:00"));
    }

    @Test
    void givenAPausedStage_whenTheListAsks_thenItHasAStartAndNoDeadline() {
        Case aCase = report(at("2026-11-23T09:00"));
        aCase.accept("dispatcher-1", null, at("2026-11-23T09:00"));
        aCase.pause("dispatcher-1", "等待居民补充照片", at("2026-11-23T09:30"));

        StageStatus current = aCase.currentStage(at("2026-11-23T10:00")).orElseThrow();

        assertThat(current.stage()).isEqualTo(SlaStage.RESPOND);
        assertThat(current.startedAt()).isEqualTo(at("2026-11-23T09:00"));
        assertThat(current.deadline()).isNull();
        assertThat(current.pausedSince()).isEqualTo(at("2026-11-23T09:30"));
    }

    private static Case report(Instant now) {
        Case.NewReport report = new Case.NewReport(RUBBISH.code(), "垃圾堆积", new GeoPoint(119.0213, 33.6012), "路口",
                Channel.RESIDENT_APP, "resident-1", "/qjp/qjp-pulou/qjp-pulou-chengnan", false);
        return Case.report(report, RUBBISH, "case-1", "GR-20261123-000001", now, CALENDAR).aCase();
    }

    private static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }
}
