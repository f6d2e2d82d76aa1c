package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Deadlines;
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

/** The case workflow through the HTTP API: who may do what, and what leaves on case-events. */
@ServiceIntegrationTest
class CaseWorkflowIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH",
             "description": "城南小区东门垃圾堆放三天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012},
             "locationDescription": "城南小区东门外"}
            """;
    static final String TO_HOUSING = """
            {"assignee": {"kind": "DEPARTMENT", "id": "dept-housing", "displayName": "区住建局"},
             "note": "请三日内清运"}
            """;

    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String GRID_WORKER = TestTokens.staff("grid-worker-1", "grid_worker", CHENGNAN).bearer();
    static final String OTHER_COMMUNITY = TestTokens
            .staff("dispatcher-9", "community_staff", "/qjp/qjp-pulou/qjp-pulou-chengbei").bearer();
    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

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
    void givenAReportedCase_whenAcceptedDispatchedClaimedResolvedAndChecked_thenItCloses() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String id = report();

            CaseView accepted = command(id, "accept", DISPATCHER, "{\"version\": 1}");
            assertThat(accepted.status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(accepted.deadlines().respondBy()).isNotNull();
            assertThat(accepted.deadlines().resolveBy()).isNull();
            assertThat(accepted.expectedCompletion()).isAfter(accepted.deadlines().respondBy());
            CaseView dispatched = command(id, "dispatch", DISPATCHER, TO_HOUSING);
            assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(dispatched.assignee().id()).isEqualTo("dept-housing");
            client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, HOUSING)
                    .exchange().expectStatus().isOk();
            assertThat(command(id, "claim", HOUSING, "{}").status()).isEqualTo(CaseStatus.CLAIMED);
            assertThat(command(id, "resolve", HOUSING,
                    "{\"note\": \"已清运并消杀\", \"attachments\": [\"cases/photos/after-1.jpg\"]}").status())
                    .isEqualTo(CaseStatus.RESOLVED);
            CaseView closed = command(id, "verify", GRID_WORKER, "{\"passed\": true, \"note\": \"现场已清理干净\"}");
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.version()).isEqualTo(7);

            probe.awaitRecords(record -> id.equals(record.key()), 7, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> ofThisCase = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(ofThisCase).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .containsExactly("org.grassroots.case.reported", "org.grassroots.case.accepted",
                            "org.grassroots.case.dispatched", "org.grassroots.case.claimed",
                            "org.grassroots.case.resolved", "org.grassroots.case.verified",
                            "org.grassroots.case.closed");
            assertThat(ofThisCase).extracting(record -> new String(record.value()))
                    .noneMatch(json -> json.contains("resident-1"));
            CaseDispatched dispatchedEvent = codec.read(ofThisCase.get(2).value(), CaseDispatched.class);
            assertThat(dispatchedEvent.assignee().kind()).isEqualTo(AssigneeKind.DEPARTMENT);
            assertThat(dispatchedEvent.facts().communityId()).isEqualTo("qjp-pulou-chengnan");
            CaseClaimed claimedEvent = codec.read(ofThisCase.get(3).value(), CaseClaimed.class);
            assertThat(claimedEvent.facts().assignee().id()).isEqualTo("dept-housing");
            // The stored case keeps milliseconds; the answer to accept came from the case in memory.
            assertThat(dispatchedEvent.facts().deadlines().respondBy())
                    .isEqualTo(accepted.deadlines().respondBy().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(claimedEvent.facts().deadlines().resolveBy()).isNotNull();
            CaseClosed closedEvent = codec.read(ofThisCase.get(6).value(), CaseClosed.class);
            assertThat(closedEvent.onTime()).isTrue();
            assertThat(closedEvent.handlingTime()).isPositive();
            assertThat(ofThisCase).extracting(record -> versionOf(record)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void givenAResolvedCase_whenTheCheckFails_thenItReopensAndIsDispatchedAgainToAPartyMemberWhoClaimsIt() {
        String partyMember = TestTokens.user("member-1").roles("party_member").orgPath(CHENGNAN).bearer();
        String id = report();
        command(id, "accept", DISPATCHER, "{}");
        command(id, "dispatch", DISPATCHER, TO_HOUSING);
        command(id, "claim", HOUSING, "{}");
        command(id, "resolve", HOUSING, "{\"note\": \"已清运\"}");

        post(id, "verify", GRID_WORKER, "{\"passed\": false}").expectStatus().isBadRequest();
        assertThat(command(id, "verify", GRID_WORKER, "{\"passed\": false, \"note\": \"东门仍有垃圾\"}").status())
                .isEqualTo(CaseStatus.REOPENED);
        command(id, "dispatch", DISPATCHER, """
                {"assignee": {"kind": "PARTY_MEMBER", "id": "member-1", "displayName": "城南党员先锋岗"}}
                """);

        post(id, "claim", HOUSING, "{}").expectStatus().isNotFound();
        assertThat(command(id, "claim", partyMember, "{}").status()).isEqualTo(CaseStatus.CLAIMED);
    }

    @Test
    void givenAHandledCase_whenItsHistoryIsRead_thenItTellsWhoDidWhatToWhoeverMaySeeTheCase() {
        String id = report();
        command(id, "accept", DISPATCHER, "{}");
        command(id, "dispatch", DISPATCHER, TO_HOUSING);
        command(id, "return", HOUSING, "{\"reason\": \"属城管职责，请改派城管\"}");

        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].action").isEqualTo("REPORTED")
                .jsonPath("$[0].by").doesNotExist()
                .jsonPath("$[2].action").isEqualTo("DISPATCH")
                .jsonPath("$[2].by").isEqualTo("dispatcher-1")
                .jsonPath("$[2].note").isEqualTo("请三日内清运")
                .jsonPath("$[3].action").isEqualTo("RETURN")
                .jsonPath("$[3].from").isEqualTo("DISPATCHED")
                .jsonPath("$[3].to").isEqualTo("RETURNED")
                .jsonPath("$[3].note").isEqualTo("属城管职责，请改派城管");
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, OTHER_COMMUNITY)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenACategoryWithoutAnEmergencyTier_whenReportedAsEmergency_thenRefusedOnEmergency() {
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH.replace("\"categoryCode\"", "\"emergency\": true, \"categoryCode\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("emergency");
    }

    @Test
    void givenACaseInOneCommunity_whenStaffOfAnotherAcceptIt_thenTheyCannotEvenFindIt() {
        String id = report();

        post(id, "accept", OTHER_COMMUNITY, "{}").expectStatus().isNotFound();
    }

    @Test
    void givenAReportedCase_whenAGridWorkerAcceptsOrTheResidentDispatches_thenForbidden() {
        String id = report();
        post(id, "accept", GRID_WORKER, "{}").expectStatus().isForbidden();
        command(id, "accept", DISPATCHER, "{}");

        post(id, "dispatch", RESIDENT, TO_HOUSING).expectStatus().isForbidden();
    }

    @Test
    void givenACaseDispatchedToADepartment_whenAnotherDepartmentOrTheDispatcherClaimsIt_thenRefused() {
        String id = report();
        command(id, "accept", DISPATCHER, "{}");
        command(id, "dispatch", DISPATCHER, TO_HOUSING);

        post(id, "claim", URBAN, "{}").expectStatus().isNotFound();
        post(id, "claim", DISPATCHER, "{}").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:forbidden");
        assertThat(command(id, "claim", HOUSING, "{}").status()).isEqualTo(CaseStatus.CLAIMED);
    }

    @Test
    void givenACommandTheStateDoesNotAllow_whenSent_thenRefusedWithTheReason() {
        String id = report();

        post(id, "dispatch", DISPATCHER, TO_HOUSING).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:invalid-state")
                .jsonPath("$.detail").value(String.class, detail ->
                        assertThat(detail).startsWith("A case in state REPORTED cannot be dispatched"));
    }

    @Test
    void givenNoReason_whenCancelling_thenRefusedFieldByField() {
        String id = report();

        post(id, "cancel", DISPATCHER, "{\"reason\": \"\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void givenAStaleVersion_whenACommandIsSent_thenConflict() {
        String id = report();
        command(id, "accept", DISPATCHER, "{\"version\": 1}");

        post(id, "park", DISPATCHER, "{\"version\": 1, \"reason\": \"需列入老旧小区改造计划\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:version-conflict");
        client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
    }

    @Test
    void givenEightSimultaneousDispatches_whenSent_thenExactlyOneSucceeds() throws Exception {
        String id = report();
        command(id, "accept", DISPATCHER, "{}");
        int dispatchers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < dispatchers; i++) {
                Callable<Integer> dispatch = () -> {
                    start.await();
                    return post(id, "dispatch", DISPATCHER, TO_HOUSING).returnResult().getStatus().value();
                };
                answers.add(pool.submit(dispatch));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    private String report() {
        return client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(CaseView.class)
                .returnResult().getResponseBody().id();
    }

    private CaseView command(String id, String command, String bearer, String body) {
        return post(id, command, bearer, body).expectStatus().isOk()
                .expectBody(CaseView.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private long versionOf(ConsumerRecord<String, byte[]> record) {
        return codec.read(TopicProbe.header(record, CloudEventHeaders.TYPE), record.value()).aggregateVersion();
    }

    record CaseView(String id, CaseStatus status, long version, AssigneeView assignee, Deadlines deadlines,
            Instant expectedCompletion) {
    }

    record AssigneeView(AssigneeKind kind, String id) {
    }
}
