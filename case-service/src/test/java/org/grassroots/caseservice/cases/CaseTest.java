package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.caseservice.categories.CategoryLimits;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.junit.jupiter.api.Test;

class CaseTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:15:00Z");
    static final Category EXPOSED_RUBBISH = Category.define("EXPOSED_RUBBISH", new CategoryDefinition("暴露垃圾",
            "Exposed rubbish", CategoryKind.COMPLAINT, HandlingLevel.COMMUNITY, "dept-urban",
            CategoryLimits.parse("2h", "1d", "1d", "limits"), null, List.of()));
    static final Case.NewReport RUBBISH = new Case.NewReport("EXPOSED_RUBBISH", "垃圾堆积",
            new GeoPoint(119.0213, 33.6012), "健康东路与淮海南路路口", Channel.RESIDENT_APP, "resident-1",
            "/qjp/qjp-wangying/qjp-wangying-fuqian", false);

    @Test
    void givenANewReport_thenItStartsAtItsCategorysLevelInReportedAtVersionOne() {
        Case.Reported reported = Case.report(RUBBISH, EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", NOW,
                ChinaCalendar2026.calendar());

        assertThat(reported.aCase().status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(reported.aCase().level()).isEqualTo(HandlingLevel.COMMUNITY);
        assertThat(reported.aCase().version()).isEqualTo(1);
    }

    @Test
    void givenANewReport_whenReported_thenCaseReportedCarriesTheCommunityAndStreetOfItsOrgPath() {
        CaseReported event = Case.report(RUBBISH, EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", NOW,
                ChinaCalendar2026.calendar()).event();

        assertThat(event.caseId()).isEqualTo("case-1");
        assertThat(event.aggregateVersion()).isEqualTo(1);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.facts().communityId()).isEqualTo("qjp-wangying-fuqian");
        assertThat(event.facts().streetId()).isEqualTo("qjp-wangying");
        assertThat(event.facts().location()).isEqualTo(new GeoPoint(119.0213, 33.6012));
        assertThat(event.facts().categoryName()).isEqualTo("暴露垃圾");
    }

    @Test
    void givenAResidentsReport_whenReported_thenTheEventCarriesNothingAboutTheReporter() {
        CaseReported event = Case.report(RUBBISH, EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", NOW,
                ChinaCalendar2026.calendar()).event();

        assertThat(event.toString()).doesNotContain("resident-1");
    }

    @Test
    void givenAGridWorkerOnDuty_whenTheyReport_thenTheyAreNamedByUserIdSoTheirPointsCanFollow() {
        Case.NewReport onDuty = new Case.NewReport("EXPOSED_RUBBISH", "垃圾堆积", new GeoPoint(119.0213, 33.6012),
                "健康东路与淮海南路路口", Channel.GRID_WORKER, "gridworker-1", "/qjp/qjp-wangying/qjp-wangying-fuqian",
                false);

        CaseReported event = Case.report(onDuty, EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", NOW,
                ChinaCalendar2026.calendar()).event();

        assertThat(event.reporterStaffId()).isEqualTo("gridworker-1");
    }

    @Test
    void givenAResidentsCase_whenAskedWhoReportedIt_thenOnlyTheReporterIs() {
        Case aCase = Case.report(RUBBISH, EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", NOW,
                ChinaCalendar2026.calendar()).aCase();

        assertThat(aCase.isReportedBy("resident-1")).isTrue();
        assertThat(aCase.isReportedBy("resident-2")).isFalse();
    }
}
