package org.grassroots.caseservice.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.ConsultationDecided;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Consultations on a case through the HTTP API: who may do what, what residents see, what leaves on case-events. */
@ServiceIntegrationTest
class ConsultationsIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String PARKING = """
            {"categoryCode": "EXPOSED_RUBBISH",
             "description": "城南小区6号楼前垃圾桶位置居民意见不一",
             "point": {"lon": 119.0213, "lat": 33.6012},
             "locationDescription": "城南小区6号楼前"}
            """;
    static final String SCHEDULE = """
            {"format": "SMALL_STOOL", "topic": "6号楼前垃圾桶点位调整", "startsAt": "2026-11-25T01:00:00Z",
             "place": "6号楼前空地",
             "invited": [{"kind": "DEPARTMENT", "id": "dept-housing", "label": "区住建局"},
                         {"kind": "PROPERTY_COMPANY", "id": "partner-chengnan-wuye", "label": "城南物业"},
                         {"kind": "RESIDENT_REPRESENTATIVE", "id": "chengnan-b6-reps", "label": "6号楼居民代表"},
                         {"kind": "PARTY_MEMBER", "id": "member-1", "label": "党员张某"}]}
            """;
    static final String HOLD = """
            {"version": 1, "heldAt": "2026-11-20T01:00:00Z",
             "attended": [{"kind": "DEPARTMENT", "id": "dept-housing", "label": "区住建局"},
                          {"kind": "PROPERTY_COMPANY", "id": "partner-chengnan-wuye", "label": "城南物业"},
                          {"kind": "RESIDENT_REPRESENTATIVE", "id": "chengnan-b6-reps", "label": "6号楼居民代表"}],
             "minutes": "居民代表李某提出垃圾桶离窗户太近；物业同意移至东侧"}
            """;
    static final String DECIDE = """
            {"version": 2, "decision": "垃圾桶移至6号楼东侧空地，加装遮挡围栏",
             "parts": [{"task": "核定新点位", "carriedOutBy": {"kind": "DEPARTMENT", "id": "dept-housing"}},
                       {"task": "搬移垃圾桶并加装围栏", "carriedOutBy": {"kind": "PROPERTY_COMPANY", "id": "partner-chengnan-wuye"}}]}
            """;

    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String OTHER_RESIDENT = TestTokens.resident("resident-2", CHENGNAN).bearer();
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

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TargetDirectory targets;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        KnownTargets.registerAndAwait(targets);
    }

    @Test
    void givenACase_whenStaffCallHoldAndDecideAConsultationAndTheDepartmentDoesItsPart_thenEachStepIsAnEvent() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String caseId = report();
            String id = schedule(caseId, DISPATCHER);
            post(caseId, id, "hold", DISPATCHER, HOLD).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("HELD").jsonPath("$.attended.length()").isEqualTo(3);
            post(caseId, id, "decide", DISPATCHER, DECIDE).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("DECIDED").jsonPath("$.parts[1].partId").isEqualTo("2");
            post(caseId, id, "parts/1/dispatch", DISPATCHER,
                    "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\", \"displayName\": \"区住建局\"}}")
                    .expectStatus().isOk();
            post(caseId, id, "parts/2/dispatch", DISPATCHER,
                    "{\"assignee\": {\"kind\": \"GRID_WORKER\", \"id\": \"grid-worker-1\"}}").expectStatus().isOk();

            client.get().uri("/api/cases/consultations/assigned?size=500").header(HttpHeaders.AUTHORIZATION, HOUSING)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
            post(caseId, id, "parts/1/complete", URBAN, "{\"note\": \"不是我们的\"}").expectStatus().isNotFound();
            post(caseId, id, "parts/1/complete", HOUSING, "{\"note\": \"点位已核定\"}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("DECIDED");
            post(caseId, id, "parts/2/complete", GRID_WORKER, "{\"note\": \"已搬移并加装围栏\"}").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("CARRIED_OUT");

            probe.awaitRecords(record -> id.equals(record.key()), 7, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> steps = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(steps).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE)).containsExactly(
                    "org.grassroots.case.consultation-scheduled", "org.grassroots.case.consultation-held",
                    "org.grassroots.case.consultation-decided", "org.grassroots.case.consultation-part-dispatched",
                    "org.grassroots.case.consultation-part-dispatched", "org.grassroots.case.consultation-part-done",
                    "org.grassroots.case.consultation-part-done");
            assertThat(steps).extracting(record -> new String(record.value()))
                    .noneMatch(json -> json.contains("李某") || json.contains("党员张某") || json.contains("resident-1"));
            ConsultationDecided decided = codec.read(steps.get(2).value(), ConsultationDecided.class);
            assertThat(decided.caseId()).isEqualTo(caseId);
            assertThat(decided.aggregateVersion()).isEqualTo(3);
        }
    }

    @Test
    void givenADecidedConsultation_whenTheReporterLooks_thenTheySeeTheDecisionButNotTheMinutesNorWhoCame() {
        String caseId = report();
        String id = schedule(caseId, DISPATCHER);
        client.get().uri("/api/cases/" + caseId + "/consultations").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        post(caseId, id, "hold", DISPATCHER, HOLD).expectStatus().isOk();
        post(caseId, id, "decide", DISPATCHER, DECIDE).expectStatus().isOk();

        client.get().uri("/api/cases/" + caseId + "/consultations").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].view").isEqualTo("RESIDENT")
                .jsonPath("$[0].decision").isEqualTo("垃圾桶移至6号楼东侧空地，加装遮挡围栏")
                .jsonPath("$[0].parts[1].carriedOutBy.label").isEqualTo("城南物业")
                .jsonPath("$[0].minutes").doesNotExist()
                .jsonPath("$[0].attended").doesNotExist()
                .jsonPath("$[0].invited").doesNotExist();
        client.get().uri("/api/cases/" + caseId + "/consultations").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].view").isEqualTo("STAFF")
                .jsonPath("$[0].minutes").isEqualTo("居民代表李某提出垃圾桶离窗户太近；物业同意移至东侧");
    }

    @Test
    void givenACase_whenSomeoneOutsideItsAreaAsksForOrCallsAConsultation_thenItDoesNotExistForThem() {
        String caseId = report();
        String id = schedule(caseId, DISPATCHER);

        for (String outsider : List.of(OTHER_RESIDENT, OTHER_COMMUNITY, URBAN)) {
            client.get().uri("/api/cases/" + caseId + "/consultations").header(HttpHeaders.AUTHORIZATION, outsider)
                    .exchange().expectStatus().isNotFound();
            client.get().uri("/api/cases/" + caseId + "/consultations/" + id)
                    .header(HttpHeaders.AUTHORIZATION, outsider).exchange().expectStatus().isNotFound();
        }
        scheduleBy(caseId, OTHER_COMMUNITY).expectStatus().isNotFound();
    }

    @Test
    void givenACase_whenAGridWorkerOrTheResidentTriesToCallOrDecide_thenTheyAreRefused() {
        String caseId = report();
        String id = schedule(caseId, DISPATCHER);

        scheduleBy(caseId, GRID_WORKER).expectStatus().isForbidden();
        scheduleBy(caseId, RESIDENT).expectStatus().isForbidden();
        post(caseId, id, "hold", GRID_WORKER, HOLD).expectStatus().isForbidden();
    }

    @Test
    void givenMalformedOrStaleCommands_whenSent_thenTheyAreRefusedNamingTheFieldOrTheConflict() {
        String caseId = report();
        scheduleBy(caseId, DISPATCHER, "{\"format\": \"SMALL_STOOL\", \"topic\": \"议题\", \"place\": \"广场\","
                + " \"invited\": [{\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\"}]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
        String id = schedule(caseId, DISPATCHER);
        post(caseId, id, "decide", DISPATCHER, DECIDE).expectStatus().isEqualTo(409);
        post(caseId, id, "hold", DISPATCHER, HOLD.replace("\"version\": 1", "\"version\": 5"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:version-conflict");
        post(caseId, id, "hold", DISPATCHER, HOLD).expectStatus().isOk();
        post(caseId, id, "decide", DISPATCHER, DECIDE.replace("partner-chengnan-wuye\"}}]", "partner-x\"}}]"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("parts[1].carriedOutBy");
    }

    @Test
    void givenACancelledCase_whenStaffCallAConsultation_thenTheCaseStateRefusesIt() {
        String caseId = report();
        client.post().uri("/api/cases/" + caseId + "/cancel").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\": \"重复上报\"}").exchange()
                .expectStatus().isOk();

        scheduleBy(caseId, DISPATCHER).expectStatus().isEqualTo(409);
    }

    @Test
    void givenMoreConsultationsAssignedToADepartmentThanOnePageHolds_whenReadPageByPage_thenEachComesOnceInCallOrder() {
        String caseId = report();
        String id = schedule(caseId, DISPATCHER);
        post(caseId, id, "hold", DISPATCHER, HOLD).expectStatus().isOk();
        post(caseId, id, "decide", DISPATCHER, DECIDE).expectStatus().isOk();
        post(caseId, id, "parts/1/dispatch", DISPATCHER,
                "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\"}}").expectStatus().isOk();
        // 24 consultations with a part for a department of this test's own (copies of the one above,
        // two called at each instant so that the id orders those), and one whose part went to a
        // person who happens to have that id: a department's id is no person's.
        String department = "dept-" + UUID.randomUUID();
        Document stored = mongo.getCollection("consultations").find(new Document("_id", id)).first();
        Instant calledAt = stored.getDate("scheduledAt").toInstant();
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            copies.add(assignedCopy(stored, id + "-" + i, i < 24 ? "DEPARTMENT" : "PARTY_MEMBER", department,
                    calledAt.plusSeconds(i / 2)));
        }
        mongo.getCollection("consultations").insertMany(copies);
        List<String> expected = copies.subList(0, 24).stream()
                .sorted(Comparator.comparing((Document copy) -> copy.getDate("scheduledAt"))
                        .thenComparing(copy -> copy.getString("_id")))
                .map(copy -> copy.getString("_id")).toList();
        String staff = TestTokens.departmentStaff("staff-" + department, department, "/qjp").bearer();

        List<String> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            AssignedPage answer = assigned(staff, "page=" + page + "&size=10");
            assertThat(answer.totalItems()).isEqualTo(24);
            assertThat(answer.items()).hasSize(page < 2 ? 10 : 4);
            answer.items().forEach(each -> read.add(each.id()));
        }

        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(assigned(staff, "page=3&size=10").items()).isEmpty();
        assertThat(assigned(staff, "").size()).isEqualTo(20);
        assertThat(assigned(URBAN, "size=500").items()).extracting(IdView::id).doesNotContainAnyElementsOf(read);
    }

    @Test
    void givenAPageOrSizeOutOfBounds_whenTheAssignedConsultationsAreAskedFor_thenA400NamesTheField() {
        for (String[] wrong : new String[][] { {"size=501", "size"}, {"size=0", "size"}, {"page=-1", "page"} }) {
            client.get().uri("/api/cases/consultations/assigned?" + wrong[0]).header(HttpHeaders.AUTHORIZATION, HOUSING)
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                    .isEqualTo(wrong[1]);
        }
    }

    private static Document assignedCopy(Document stored, String id, String kind, String assignee, Instant calledAt) {
        Document copy = new Document(stored);
        copy.remove("outbox");
        copy.remove("outboxLease");
        copy.put("_id", id);
        copy.put("scheduledAt", Date.from(calledAt));
        List<Document> parts = new ArrayList<>();
        for (Document part : stored.getList("parts", Document.class)) {
            parts.add(new Document(part));
        }
        parts.set(0, new Document(parts.get(0)).append("assignee", new Document("_id", assignee).append("kind", kind)));
        copy.put("parts", parts);
        copy.put("partAssigneeIds", List.of(assignee));
        return copy;
    }

    private AssignedPage assigned(String bearer, String query) {
        return client.get().uri("/api/cases/consultations/assigned?" + query).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isOk().expectBody(AssignedPage.class).returnResult().getResponseBody();
    }

    private String report() {
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body(PARKING).exchange()
                .expectStatus().isCreated().expectBody(IdView.class).returnResult().getResponseBody().id();
    }

    private String schedule(String caseId, String bearer) {
        return scheduleBy(caseId, bearer).expectStatus().isCreated().expectBody(IdView.class).returnResult()
                .getResponseBody().id();
    }

    private RestTestClient.ResponseSpec scheduleBy(String caseId, String bearer) {
        return scheduleBy(caseId, bearer, SCHEDULE);
    }

    private RestTestClient.ResponseSpec scheduleBy(String caseId, String bearer, String body) {
        return client.post().uri("/api/cases/" + caseId + "/consultations").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec post(String caseId, String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + caseId + "/consultations/" + id + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange();
    }

    record IdView(String id) {
    }

    record AssignedPage(List<IdView> items, int page, int size, long totalItems) {
    }
}
