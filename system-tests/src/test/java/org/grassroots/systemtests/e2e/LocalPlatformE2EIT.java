package org.grassroots.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The README's walkthrough, step by step, against the platform started as {@code ./grassroots up}
 * starts it (demo data included), through the gateway, with real Keycloak tokens for the demo
 * users and a department system's client-credentials token. Each step of the walkthrough is one
 * test, in the walkthrough's order.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedLocalPlatform.class)
class LocalPlatformE2EIT {

    static final String CHENGNAN = "qjp-pulou-chengnan";
    static final String GRID_1 = "320812001001001";
    static final String GRIDWORKER_1 = "00000000-0000-4000-8000-000000000003";
    static final String PARTYMEMBER_1 = "00000000-0000-4000-8000-000000000008";

    static LocalPlatform platform;
    static RestTestClient gateway;
    static String caseId;
    static String elderlyCaseId;

    @BeforeAll
    static void useTheSharedPlatform() {
        platform = SharedLocalPlatform.get();
        gateway = RestTestClient.bindToServer().baseUrl(platform.gatewayUrl()).build();
    }

    @Test
    @Order(1)
    void givenNoToken_whenCallingTheApi_thenTheGatewayAnswers401() {
        gateway.get().uri("/api/cases/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(2)
    void givenTheDemoDistrictLoaded_whenStaffReadIt_thenTheySeeOnlyTheirOwnPartOfIt() {
        String dispatcher = bearer("dispatcher1");
        get("/api/orgs/" + CHENGNAN + "/children", dispatcher)
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].code").value(codes -> assertThat(codes.toString())
                        .contains(CHENGNAN + "-g01", CHENGNAN + "-g02"));
        get("/api/orgs/qjp-pulou-hebin", dispatcher).expectStatus().isNotFound();
        get("/api/grids/" + GRID_1 + "/staff", dispatcher)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").value(ids -> assertThat(ids.toString()).contains(GRIDWORKER_1));
    }

    @Test
    @Order(3)
    void givenResident1_whenReadingTheCategory_thenItComesWithItsTimeLimits() {
        get("/api/categories/EXPOSED_RUBBISH", bearer("resident1"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("暴露垃圾")
                .jsonPath("$.limits.resolve").exists();
    }

    @Test
    @Order(4)
    void givenThePointOfTheComplaint_whenLocated_thenItLiesInAMicroGridOfChengnansFirstGrid() {
        get("/api/grids/locate?lon=119.0213&lat=33.6012", bearer("resident1"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("MICRO")
                .jsonPath("$.ancestors[0].code").isEqualTo(GRID_1)
                .jsonPath("$.communityId").isEqualTo(CHENGNAN)
                .jsonPath("$.orgPath").isEqualTo("/qjp/qjp-pulou/" + CHENGNAN);
        get("/api/grids/locate?lon=120.5&lat=34.0", bearer("resident1")).expectStatus().isNotFound();
    }

    @Test
    @Order(5)
    void givenResident1_whenReportingExposedRubbish_thenTheCaseIsLocatedToItsGrid() {
        Map<?, ?> created = gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer("resident1"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"categoryCode": "EXPOSED_RUBBISH",
                         "description": "城南社区健康东路垃圾桶旁生活垃圾堆积三天无人清运",
                         "point": {"lon": 119.0213, "lat": 33.6012},
                         "locationDescription": "健康东路与淮海南路路口"}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("X-Correlation-Id")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("status")).isEqualTo("REPORTED");
        assertThat((String) created.get("gridCode")).startsWith(GRID_1);
        assertThat(created.get("orgPath")).isEqualTo("/qjp/qjp-pulou/" + CHENGNAN);
        caseId = (String) created.get("id");
    }

    @Test
    @Order(6)
    void givenResident1sCase_whenEachResidentReadsIt_thenResident1SeesItAndResident2DoesNot() {
        get("/api/cases/" + caseId, bearer("resident1"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.number").exists().jsonPath("$.reportedByCaller").isEqualTo(true);
        get("/api/cases/" + caseId, bearer("resident2")).expectStatus().isNotFound();
        get("/api/cases/mine", bearer("resident1"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat(ids.toString()).contains(caseId));
    }

    @Test
    @Order(7)
    void givenTheReportedCase_whenTheCommunityDispatcherReadsTriage_thenTheyFindIt() {
        get("/api/cases/triage?size=100", bearer("dispatcher1"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat(ids.toString()).contains(caseId));
    }

    @Test
    @Order(8)
    void givenTheCaseInTriage_whenTheDispatcherAcceptsAndDispatchesItToUrbanManagement_thenItIsDispatched() {
        String dispatcher = bearer("dispatcher1");
        command(caseId, dispatcher, "accept", "{}").expectStatus().isOk();
        command(caseId, dispatcher, "dispatch", """
                {"assignee": {"kind": "DEPARTMENT", "id": "dept-urban", "displayName": "城管局"},
                 "note": "请城管局清运"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED");
    }

    @Test
    @Order(9)
    void givenTheDispatchedCase_whenUrbanManagementsOwnSystemReadsItsInbox_thenItFindsClaimsAndResolvesIt() {
        String system = "Bearer " + platform.clientToken("dept-urban-system");
        get("/api/cases/inbox?size=100", system)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat(ids.toString()).contains(caseId));
        String housing = "Bearer " + platform.clientToken("dept-housing-system");
        command(caseId, housing, "claim", "{}").expectStatus().isNotFound();

        command(caseId, system, "claim", "{}").expectStatus().isOk();
        command(caseId, system, "resolve", """
                {"note": "已清运，垃圾桶旁已清理干净"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
    }

    @Test
    @Order(10)
    void givenTheResolvedCase_whenTheDispatcherChecksOnSite_thenTheCaseCloses() {
        command(caseId, bearer("dispatcher1"), "verify", """
                {"passed": true, "note": "现场核查已清理"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        get("/api/cases/" + caseId + "/history", bearer("resident1")).expectStatus().isOk();
    }

    @Test
    @Order(11)
    void givenTheClosedCase_whenAnOutsideConsumerReadsCaseEvents_thenItSeesEveryStepInOrder() {
        try (TopicProbe probe = TopicProbe.listen(platform.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 7, Duration.ofSeconds(30));

            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).containsExactly(
                    "org.grassroots.case.reported", "org.grassroots.case.accepted", "org.grassroots.case.dispatched",
                    "org.grassroots.case.claimed", "org.grassroots.case.resolved", "org.grassroots.case.verified",
                    "org.grassroots.case.closed");
            assertThat(records).allSatisfy(r -> assertThat(new String(r.value())).contains(CHENGNAN)
                    .contains(GRID_1).doesNotContain("resident1"));
        }
    }

    @Test
    @Order(12)
    void givenTheClosedCase_whenResident1IsDissatisfied_thenTheCaseGoesBackForRework() {
        String resident = bearer("resident1");
        rate(caseId, resident, "DISSATISFIED", "垃圾桶旁又堆起来了").expectStatus().isCreated();
        rate(caseId, resident, "SATISFIED", "再评一次").expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/cases/" + caseId, resident)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REOPENED"));
    }

    @Test
    @Order(13)
    void givenResident2AsksForHelpForAnElderlyNeighbour_whenDispatchedToPartymember1_thenTheyTakeItAndItCloses() {
        elderlyCaseId = (String) gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer("resident2"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"categoryCode": "ELDERLY_ASSISTANCE",
                         "description": "独居老人需要帮忙代买常用药品",
                         "point": {"lon": 119.0216, "lat": 33.6014},
                         "locationDescription": "城南社区健康东路附近",
                         "answers": {"helpNeeded": ["代购代办"], "livesAlone": true}}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String dispatcher = bearer("dispatcher1");
        String member = bearer("partymember1");

        command(elderlyCaseId, dispatcher, "accept", "{}").expectStatus().isOk();
        command(elderlyCaseId, dispatcher, "dispatch", """
                {"assignee": {"kind": "PARTY_MEMBER", "id": "%s", "displayName": "党员 partymember1"},
                 "note": "群众点单、社区派单、党员接单"}
                """.formatted(PARTYMEMBER_1)).expectStatus().isOk();
        command(elderlyCaseId, member, "claim", "{}").expectStatus().isOk();
        command(elderlyCaseId, member, "resolve", "{\"note\": \"已代买药品送到老人家中\"}").expectStatus().isOk();
        command(elderlyCaseId, dispatcher, "verify", "{\"passed\": true, \"note\": \"电话回访老人已收到\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        rate(elderlyCaseId, bearer("resident2"), "SATISFIED", "很及时").expectStatus().isCreated();
    }

    @Test
    @Order(14)
    void givenTheCaseClosedOnTime_whenPartymember1ReadsTheirPoints_thenTheyEarnedPointsForIt() {
        String member = bearer("partymember1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/points/me", member)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.entries[?(@.rule == 'CASE_HANDLED_ON_TIME')].points").isEqualTo(List.of(5)));
    }

    @Test
    @Order(15)
    void givenTwoRatedCases_whenTheCommunitysStatisticsAreRead_thenTheyShowBothRatings() {
        String dispatcher = bearer("dispatcher1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/stats?groupBy=community", dispatcher)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.group == '" + CHENGNAN + "')].rated").isEqualTo(List.of(2))
                .jsonPath("$[?(@.group == '" + CHENGNAN + "')].satisfactionRate").isEqualTo(List.of(0.5))
                .jsonPath("$[?(@.group == '" + CHENGNAN + "')].reworked").isEqualTo(List.of(1)));
        get("/api/stats/filed-cases", dispatcher)
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.communityId == '" + CHENGNAN + "')].filed").exists();
    }

    @Test
    @Order(16)
    void givenTheGateway_whenItsApiDocumentationIsRead_thenItServesOneForEveryService() {
        gateway.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].name").value(names -> assertThat(names.toString()).contains(
                        "org-service", "grid-service", "case-service", "volunteer-service", "evaluation-service"));
        gateway.get().uri("/api-docs/case-service").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/cases/{id}/dispatch']").exists();
    }

    @Test
    @Order(17)
    void givenAHotlineWorkOrder_whenSentAgain_thenItIsFiledOnce() {
        String hotline = "Bearer " + platform.clientToken("grassroots-hotline");
        String order = """
                {"externalId": "12345-E2E-0001", "categoryCode": "BROKEN_STREET_LIGHT",
                 "description": "市民来电：健康东路路灯不亮", "point": {"lon": 119.0216, "lat": 33.6014}}
                """;

        Map<?, ?> first = hotlineCall(hotline, order).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = hotlineCall(hotline, order).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(first.get("channel")).isEqualTo("HOTLINE_12345");
    }

    /**
     * An Open311 app (the realm's confidential client {@code open311-suishoupai}) files a request
     * with its API key, which case-service exchanges with the real Keycloak for the client's token;
     * the request lands in the community's triage like any other, and a wrong key is refused.
     */
    @Test
    @Order(18)
    void givenAnOpen311AppWithItsApiKey_whenItFilesARequest_thenTheDispatcherFindsItInTriage() {
        String form = "api_key=open311-suishoupai%3Adev-open311-suishoupai-secret&service_code=BROKEN_STREET_LIGHT"
                + "&lat=33.6013&long=119.0215&address_string=%E5%81%A5%E5%BA%B7%E4%B8%9C%E8%B7%AF"
                + "&description=Open311+street+light+out&attribute%5BlightsOut%5D=2&email=someone%40example.com";

        String created = open311Post("/open311/v2/requests.json", form).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String id = created.replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");

        gateway.get().uri("/open311/v2/requests/" + id + ".xml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).value(xml -> assertThat(xml)
                        .contains("<service_request_id>" + id + "</service_request_id>")
                        .contains("<status>open</status>").doesNotContain("someone@example.com"));
        get("/api/cases/triage?size=100", bearer("dispatcher1"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].channel").isEqualTo(List.of("OPEN311"));
        open311Post("/open311/v2/requests.xml", "api_key=open311-suishoupai%3Awrong&service_code=BROKEN_STREET_LIGHT"
                + "&lat=33.6013&long=119.0215")
                .expectStatus().isForbidden()
                .expectBody(String.class).value(xml -> assertThat(xml).contains("<code>403</code>"));
    }

    private static RestTestClient.ResponseSpec open311Post(String uri, String form) {
        return gateway.post().uri(uri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange();
    }

    private static RestTestClient.ResponseSpec hotlineCall(String bearer, String body) {
        return gateway.post().uri("/api/cases/hotline")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private static String bearer(String user) {
        return "Bearer " + platform.token(user);
    }

    private static RestTestClient.ResponseSpec get(String uri, String bearer) {
        return gateway.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private static RestTestClient.ResponseSpec command(String id, String bearer, String command, String body) {
        return gateway.post().uri("/api/cases/" + id + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private static RestTestClient.ResponseSpec rate(String id, String bearer, String satisfaction, String comment) {
        return gateway.post().uri("/api/ratings")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"caseId": "%s", "satisfaction": "%s", "comment": "%s"}
                        """.formatted(id, satisfaction, comment))
                .exchange();
    }
}
