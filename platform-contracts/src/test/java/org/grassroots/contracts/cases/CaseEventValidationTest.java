package org.grassroots.contracts.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.contracts.ContractFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseEventValidationTest {

    private static final String CASE_ID = "c7a0e2d4-5b1f-4c3e-9a6d-1f2e3b4c5d6a";
    private static final String ORG_PATH = "/qjp/qjp-wangying/qjp-wangying-fuqian";
    private static final Instant NOW = Instant.parse("2025-03-18T01:12:30Z");

    private static CaseFacts facts(String caseId) {
        return new CaseFacts(caseId, "QJP-20250318-0042", "EXPOSED_RUBBISH", "暴露垃圾", HandlingLevel.GRID,
                CaseStatus.REPORTED, false, Channel.GRID_WORKER, new GeoPoint(119.0215, 33.6021),
                "府前路与健康西路交叉口东北角绿化带", "320812001001001", "qjp-wangying-fuqian", "qjp-wangying",
                null, null);
    }

    private static CaseReported reported(String caseId, long version, String orgPath, Instant at, CaseFacts facts) {
        return new CaseReported(caseId, version, orgPath, at, facts, null, null);
    }

    @Test
    void givenCompleteComponents_whenReported_thenSubjectIsTheCaseId() {
        CaseReported event = reported(CASE_ID, 1, ORG_PATH, NOW, facts(CASE_ID));

        assertThat(event.subject()).isEqualTo(CASE_ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void givenNoCaseId_whenEventIsCreated_thenRejectedNamingCaseId(String caseId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(caseId, 1, ORG_PATH, NOW, facts(CASE_ID)))
                .withMessage("caseId is required");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void givenVersionBelowOne_whenEventIsCreated_thenRejectedNamingTheVersion(long version) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(CASE_ID, version, ORG_PATH, NOW, facts(CASE_ID)))
                .withMessage("aggregateVersion must be >= 1 but was " + version);
    }

    @Test
    void givenNoOrgPath_whenEventIsCreated_thenRejectedNamingOrgPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(CASE_ID, 1, null, NOW, facts(CASE_ID)))
                .withMessage("orgPath is required");
    }

    @Test
    void givenNoOccurredAt_whenEventIsCreated_thenRejectedNamingOccurredAt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(CASE_ID, 1, ORG_PATH, null, facts(CASE_ID)))
                .withMessage("occurredAt is required");
    }

    @Test
    void givenNoFacts_whenEventIsCreated_thenRejectedNamingFacts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(CASE_ID, 1, ORG_PATH, NOW, null))
                .withMessage("facts is required");
    }

    @Test
    void givenFactsOfAnotherCase_whenEventIsCreated_thenRejectedNamingBothCases() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reported(CASE_ID, 1, ORG_PATH, NOW, facts("9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d")))
                .withMessageContaining(CASE_ID)
                .withMessageContaining("9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    }

    @Test
    void givenNoAttachments_whenResolved_thenAttachmentsAreAnEmptyList() {
        CaseResolved resolved = new CaseResolved(CASE_ID, 5, ORG_PATH, NOW, facts(CASE_ID), "d24a7e18", "已清运", null);

        assertThat(resolved.attachments()).isEmpty();
    }

    @Test
    void givenAttachmentList_whenCallerChangesItAfterResolving_thenTheEventIsUnaffected() {
        List<String> photos = new ArrayList<>(List.of("cases/c7a0e2d4/resolve/after-1.jpg"));
        CaseResolved resolved = new CaseResolved(CASE_ID, 5, ORG_PATH, NOW, facts(CASE_ID), "d24a7e18", "已清运", photos);

        photos.add("cases/c7a0e2d4/resolve/after-2.jpg");

        assertThat(resolved.attachments()).containsExactly("cases/c7a0e2d4/resolve/after-1.jpg");
    }

    @Test
    void givenNoDepartments_whenWhistled_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseWhistled(CASE_ID, 3, ORG_PATH, NOW, facts(CASE_ID), null, "8b1e5c73", "联合处置"))
                .withMessageContaining("departmentIds");
    }

    @Test
    void givenTargetLevelNotAboveTheCurrentOne_whenEscalated_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseEscalated(CASE_ID, 9, ORG_PATH, NOW, facts(CASE_ID),
                        HandlingLevel.STREET, HandlingLevel.COMMUNITY, null, "超时", true))
                .withMessageContaining("toLevel COMMUNITY must be above fromLevel STREET");
    }

    @Test
    void givenNoAssignee_whenDispatched_thenRejectedNamingAssignee() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseDispatched(CASE_ID, 3, ORG_PATH, NOW, facts(CASE_ID), null, "8b1e5c73", null))
                .withMessage("assignee is required");
    }

    @Test
    void givenNoReason_whenReturned_thenRejectedBecauseTheDispatcherNeedsIt() {
        Assignee urbanManagement = new Assignee(AssigneeKind.DEPARTMENT, "qjp-cgj", "清江浦区城市管理局");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseReturned(CASE_ID, 4, ORG_PATH, NOW, facts(CASE_ID), urbanManagement, "d24a7e18", " "))
                .withMessage("reason is required");
    }

    @Test
    void givenNegativeHandlingTime_whenClosed_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseClosed(CASE_ID, 7, ORG_PATH, NOW, facts(CASE_ID), true, Duration.ofMinutes(-5)))
                .withMessageContaining("handlingTime");
    }

    @Test
    void givenPercentOverHundred_whenSlaWarningIsCreated_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseSlaWarning(CASE_ID, 7, ORG_PATH, NOW, facts(CASE_ID), SlaStage.RESOLVE, 120, NOW))
                .withMessageContaining("percentElapsed");
    }

    @Test
    void givenFactsWithoutCategory_whenCreated_thenRejectedNamingCategoryCode() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseFacts(CASE_ID, "QJP-20250318-0042", null, "暴露垃圾", HandlingLevel.GRID,
                        CaseStatus.REPORTED, false, Channel.GRID_WORKER, null, null, null, null, null, null, null))
                .withMessage("categoryCode is required");
    }

    @Test
    void givenPointWithLatitudeAndLongitudeSwapped_whenCreated_thenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeoPoint(33.60, 119.02))
                .withMessageContaining("lat");
    }

    @Test
    void givenAssigneeWithoutId_whenCreated_thenRejectedNamingId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Assignee(AssigneeKind.DEPARTMENT, "", "清江浦区城市管理局"))
                .withMessage("id is required");
    }

    @Test
    void givenDispatchedFixture_whenRead_thenTheFactsCarryTheAssigneeSoNoLookupIsNeeded() {
        CaseDispatched dispatched = ContractFixtures.event(CaseDispatched.class);

        assertThat(dispatched.facts().assignee()).isEqualTo(dispatched.assignee());
        assertThat(dispatched.facts().deadlines().respondBy()).isNotNull();
    }

    @Test
    void givenNoPreviousOrgPath_whenLocated_thenRejectedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseLocated(CASE_ID, 3, ORG_PATH, NOW, facts(CASE_ID), null, "府前社区第一网格",
                        "8b1e5c73"))
                .withMessage("previousOrgPath is required");
    }

    @Test
    void givenFactsWithoutAGrid_whenLocated_thenRejected() {
        CaseFacts unlocated = new CaseFacts(CASE_ID, "QJP-20250318-0042", "EXPOSED_RUBBISH", "暴露垃圾",
                HandlingLevel.GRID, CaseStatus.ACCEPTED, false, Channel.HOTLINE_12345, new GeoPoint(119.0215, 33.6021),
                null, null, null, null, null, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseLocated(CASE_ID, 3, ORG_PATH, NOW, unlocated, "/qjp", null, "8b1e5c73"))
                .withMessageContaining("facts.gridCode");
    }
}
