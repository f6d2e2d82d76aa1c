package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The oversight commands (escalate, supervise, extend, whistle and report in, pause and resume,
 * reopen) and the case lists through the HTTP API, with who may and who may not.
 */
@ServiceIntegrationTest
class OversightAndListsIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH", "description": "城南小区东门垃圾堆放三天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012}}
            """;
    static final String TO_HOUSING = """
            {"assignee": {"kind": "DEPARTMENT", "id": "dept-housing", "displayName": "区住建局"}}
            """;

    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String OTHER_RESIDENT = TestTokens.resident("resident-2", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String GRID_WORKER = TestTokens.staff("grid-worker-1", "grid_worker", CHENGNAN).bearer();
    static final String STREET = TestTokens.staff("street-1", "street_staff", "/qjp/qjp-pulou").bearer();
    static final String OTHER_COMMUNITY = TestTokens
            .staff("dispatcher-9", "community_staff", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer();
    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();
    static final String ECOLOGY = TestTokens.departmentStaff("ecology-1", "dept-ecology", "/qjp").bearer();
    static final String MARKET = TestTokens.departmentStaff("market-1", "dept-market", "/qjp").bearer();
    /** A department's own system, as a client-credentials service account. */
    static final String URBAN_SYSTEM = TestTokens.user("service-account-dept-urban").roles("department_staff")
            .departmentId("dept-urban").bearer();

    @LocalServerPort
    int port;

    RestTestClient client;

    @Autowired
    TargetDirectory targets;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        // Dispatch, whistle and report-in are checked against the departments and people case-service knows.
        KnownTargets.registerAndAwait(targets);
    }

    @Test
    void givenAnAcceptedCase_whenEscalated_thenItGoesOneLevelUpByStaffAtTheCasesLevelOrAbove() {
        String id = accepted();

        CaseView escalated = command(id, "escalate", GRID_WORKER, "{\"reason\": \"网格内无法协调\"}");
        assertThat(escalated.level()).isEqualTo(HandlingLevel.COMMUNITY);
        assertThat(escalated.status()).isEqualTo(CaseStatus.ACCEPTED);

        post(id, "escalate", GRID_WORKER, "{\"reason\": \"再升一级\"}").expectStatus().isForbidden();
        post(id, "escalate", OTHER_COMMUNITY, "{\"reason\": \"再升一级\"}").expectStatus().isNotFound();
        assertThat(command(id, "escalate", DISPATCHER, "{\"reason\": \"需街道协调\"}").level())
                .isEqualTo(HandlingLevel.STREET);
    }

    @Test
    void givenACaseAtTheCommunity_whenSupervisedOrExtended_thenOnlyALevelAboveTheCasesMayDoIt() {
        String id = accepted();
        command(id, "escalate", DISPATCHER, "{\"reason\": \"需社区协调\"}");

        post(id, "supervise", DISPATCHER, "{\"note\": \"请加快\"}").expectStatus().isForbidden();
        post(id, "extend", DISPATCHER, "{\"extension\": \"2h\", \"reason\": \"需协调物业\"}").expectStatus().isForbidden();
        CaseView before = get(id, DISPATCHER);
        CaseView supervised = command(id, "supervise", STREET, "{\"note\": \"街道督办，请今日处理\"}");
        CaseView extended = command(id, "extend", STREET, "{\"extension\": \"2h\", \"reason\": \"需协调物业公司\"}");

        assertThat(supervised.supervised()).isTrue();
        assertThat(extended.deadlines().respondBy()).isAfter(before.deadlines().respondBy());
        post(id, "extend", STREET, "{\"extension\": \"2 weeks\", \"reason\": \"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("extension");
        post(id, "extend", STREET, "{\"extension\": \"30m\", \"reason\": \"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("extension");
    }

    @Test
    void givenSummonedDepartments_whenTheyReportIn_thenTheCaseShowsWhoHasAndWhoHasNot() {
        String id = accepted();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            command(id, "whistle", DISPATCHER,
                    "{\"departmentIds\": [\"dept-urban\", \"dept-ecology\"], \"reason\": \"占道经营且油烟扰民\"}");

            assertThat(inbox(ECOLOGY)).contains(id);
            get(id, URBAN);
            client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, MARKET).exchange()
                    .expectStatus().isNotFound();
            post(id, "report-in", MARKET, "{}").expectStatus().isNotFound();
            post(id, "report-in", DISPATCHER, "{}").expectStatus().isForbidden();
            CaseView reportedIn = command(id, "report-in", URBAN, "{}");
            post(id, "report-in", URBAN, "{}").expectStatus().isEqualTo(409);

            assertThat(reportedIn.summons()).extracting(SummonsView::departmentId, SummonsView::reportedIn)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dept-urban", true),
                            org.assertj.core.groups.Tuple.tuple("dept-ecology", false));
            assertThat(inbox(URBAN)).doesNotContain(id);
            assertThat(inbox(ECOLOGY)).contains(id);

            probe.awaitRecords(record -> id.equals(record.key()), 4, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> ofThisCase = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(ofThisCase).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .containsExactly("org.grassroots.case.reported", "org.grassroots.case.accepted",
                            "org.grassroots.case.whistled", "org.grassroots.case.department-reported-in");
        }
    }

    @Test
    void givenAClaimedCase_whenTheAssigneeWaitsForTheResident_thenTheyPauseTheClockAndResumeIt() {
        String id = accepted();
        command(id, "dispatch", DISPATCHER, TO_HOUSING);
        command(id, "claim", HOUSING, "{}");

        post(id, "pause", RESIDENT, "{\"reason\": \"等待\"}").expectStatus().isForbidden();
        post(id, "pause", URBAN, "{\"reason\": \"等待\"}").expectStatus().isNotFound();
        CaseView paused = command(id, "pause", HOUSING, "{\"reason\": \"等待居民提供漏水照片\"}");
        assertThat(paused.waitingForResident()).isTrue();
        assertThat(paused.deadlines().resolveBy()).isNull();
        post(id, "pause", HOUSING, "{\"reason\": \"再等\"}").expectStatus().isEqualTo(409);
        CaseView resumed = command(id, "resume", HOUSING, "{}");

        assertThat(resumed.waitingForResident()).isFalse();
        assertThat(resumed.deadlines().resolveBy()).isNotNull();
    }

    @Test
    void givenAClosedCase_whenStaffReopenItOnReview_thenItReopensAndTheReporterSeesWhenItWasClosed() {
        String id = accepted();
        command(id, "dispatch", DISPATCHER, TO_HOUSING);
        command(id, "claim", HOUSING, "{}");
        command(id, "resolve", HOUSING, "{\"note\": \"已清运\"}");
        CaseView closed = command(id, "verify", GRID_WORKER, "{\"passed\": true}");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(get(id, RESIDENT).reportedByCaller()).isTrue();
        assertThat(get(id, DISPATCHER).reportedByCaller()).isFalse();

        post(id, "reopen", GRID_WORKER, "{\"reason\": \"复核未清理\"}").expectStatus().isForbidden();
        post(id, "reopen", DISPATCHER, "{\"reason\": \"\"}").expectStatus().isBadRequest();
        CaseView reopened = command(id, "reopen", STREET, "{\"reason\": \"街道复核：东门仍有垃圾\"}");

        assertThat(reopened.status()).isEqualTo(CaseStatus.REOPENED);
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void givenADispatchedCase_whenEachCallerReadsTheLists_thenEveryListIsScopedByTheCaller() {
        String mine = accepted();
        command(mine, "dispatch", DISPATCHER, TO_HOUSING);

        assertThat(ids("/api/cases/mine?size=100", RESIDENT)).contains(mine);
        assertThat(ids("/api/cases/mine?size=100", OTHER_RESIDENT)).doesNotContain(mine);
        assertThat(ids("/api/cases?size=100", OTHER_RESIDENT)).doesNotContain(mine);
        assertThat(ids("/api/cases?size=100", RESIDENT)).contains(mine);
        assertThat(ids("/api/cases?size=100", DISPATCHER)).contains(mine);
        assertThat(ids("/api/cases?size=100", STREET)).contains(mine);
        assertThat(ids("/api/cases?size=100", OTHER_COMMUNITY)).doesNotContain(mine);
        assertThat(ids("/api/cases?size=100", HOUSING)).contains(mine);
        assertThat(ids("/api/cases?size=100", URBAN)).doesNotContain(mine);
        assertThat(inbox(HOUSING)).contains(mine);
        assertThat(inbox(URBAN)).doesNotContain(mine);
        assertThat(ids("/api/cases/triage?size=100", OTHER_COMMUNITY)).doesNotContain(mine);
        client.get().uri("/api/cases/triage").header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/cases/inbox").header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void givenACaseDispatchedToADepartment_whenItsServiceAccountReadsItsInbox_thenItIsThereAndFiltersNarrowTheList() {
        String id = accepted();
        command(id, "dispatch", DISPATCHER, """
                {"assignee": {"kind": "DEPARTMENT", "id": "dept-urban", "displayName": "区城管局"}}
                """);

        assertThat(inbox(URBAN_SYSTEM)).contains(id);
        assertThat(ids("/api/cases?status=DISPATCHED&department=dept-urban&community=qjp-pulou-chengnan"
                + "&street=qjp-pulou&category=EXPOSED_RUBBISH&overdue=false&size=100", DISPATCHER)).contains(id);
        assertThat(ids("/api/cases?status=CLAIMED&size=100", DISPATCHER)).doesNotContain(id);
        assertThat(ids("/api/cases?assignee=dept-urban&from=2000-01-01T00:00:00Z&size=100", DISPATCHER)).contains(id);
        assertThat(ids("/api/cases?to=2000-01-01T00:00:00Z&size=100", DISPATCHER)).doesNotContain(id);
        client.get().uri("/api/cases?size=1000").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/cases?status=LOST").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isBadRequest();
        client.get().uri("/api/cases/mine").header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].expectedCompletion").isNotEmpty();
    }

    private List<String> inbox(String bearer) {
        return ids("/api/cases/inbox?size=100", bearer);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String uri, String bearer) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(PageView.class).returnResult().getResponseBody()
                .items().stream().map(CaseView::id).toList();
    }

    private String accepted() {
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body(RUBBISH).exchange()
                .expectStatus().isCreated().expectBody(CaseView.class).returnResult().getResponseBody().id();
        command(id, "accept", DISPATCHER, "{}");
        return id;
    }

    private CaseView get(String id, String bearer) {
        return client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(CaseView.class).returnResult().getResponseBody();
    }

    private CaseView command(String id, String command, String bearer, String body) {
        return post(id, command, bearer, body).expectStatus().isOk()
                .expectBody(CaseView.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record CaseView(String id, CaseStatus status, HandlingLevel level, long version, Deadlines deadlines,
            boolean supervised, boolean waitingForResident, List<SummonsView> summons, Instant closedAt,
            boolean reportedByCaller) {
    }

    record SummonsView(String departmentId, boolean reportedIn) {
    }

    record PageView(List<CaseView> items, int page, int size, long totalItems) {
    }
}
