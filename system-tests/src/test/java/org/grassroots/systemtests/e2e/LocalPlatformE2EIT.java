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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The README's walkthrough, step by step, against the platform started as {@code ./grassroots up}
 * starts it, through the gateway, with real Keycloak tokens for the demo users. Each step of the
 * walkthrough is one test, in the walkthrough's order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformE2EIT {

    static final String CHENGNAN = "qjp-pulou-chengnan";

    static LocalPlatform platform;
    static RestTestClient gateway;
    static String caseId;

    @BeforeAll
    static void startThePlatform() {
        platform = LocalPlatform.forThisCheckout();
        platform.up();
        gateway = RestTestClient.bindToServer().baseUrl(platform.gatewayUrl()).build();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.down();
        }
    }

    @Test
    @Order(1)
    void withoutATokenTheGatewayAnswers401() {
        gateway.get().uri("/api/cases/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(2)
    void resident1ReadsTheCategoryWithItsTimeLimits() {
        gateway.get().uri("/api/categories/EXPOSED_RUBBISH")
                .header(HttpHeaders.AUTHORIZATION, bearer("resident1"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("暴露垃圾")
                .jsonPath("$.limits.resolve").exists();
    }

    @Test
    @Order(3)
    void resident1ReportsExposedRubbish() {
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
        assertThat((String) created.get("orgPath")).endsWith(CHENGNAN);
        caseId = (String) created.get("id");
    }

    @Test
    @Order(4)
    void resident1SeesTheCaseAndResident2DoesNot() {
        gateway.get().uri("/api/cases/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, bearer("resident1"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.number").exists();
        gateway.get().uri("/api/cases/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, bearer("resident2"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    @Order(5)
    void theCommunityDispatcherSeesTheCase() {
        gateway.get().uri("/api/cases/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, bearer("dispatcher1"))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    @Order(6)
    void theDispatcherAcceptsAndDispatchesItToUrbanManagement() {
        String dispatcher = bearer("dispatcher1");
        command(dispatcher, "accept", "{}").expectStatus().isOk();
        command(dispatcher, "dispatch", """
                {"assignee": {"kind": "DEPARTMENT", "id": "dept-urban", "displayName": "城管局"},
                 "note": "请城管局清运"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED");
    }

    @Test
    @Order(7)
    void urbanManagementClaimsAndResolvesIt() {
        String department = bearer("dept-urban1");
        command(department, "claim", "{}").expectStatus().isOk();
        command(department, "resolve", """
                {"note": "已清运，垃圾桶旁已清理干净"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
    }

    @Test
    @Order(8)
    void theDispatcherChecksOnSiteAndTheCaseCloses() {
        command(bearer("dispatcher1"), "verify", """
                {"passed": true, "note": "现场核查已清理"}
                """)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        gateway.get().uri("/api/cases/" + caseId + "/history")
                .header(HttpHeaders.AUTHORIZATION, bearer("resident1"))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    @Order(9)
    void anOutsideConsumerSeesEveryStepOnCaseEventsInOrder() {
        try (TopicProbe probe = TopicProbe.listen(platform.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 7, Duration.ofSeconds(30));

            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).containsExactly(
                    "org.grassroots.case.reported", "org.grassroots.case.accepted", "org.grassroots.case.dispatched",
                    "org.grassroots.case.claimed", "org.grassroots.case.resolved", "org.grassroots.case.verified",
                    "org.grassroots.case.closed");
            assertThat(records).allSatisfy(r -> assertThat(new String(r.value())).contains(CHENGNAN)
                    .doesNotContain("resident1"));
        }
    }

    @Test
    @Order(10)
    void theCaseIsCountedForItsCommunity() {
        String dispatcher = bearer("dispatcher1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gateway.get().uri("/api/stats/filed-cases")
                .header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.communityId == '" + CHENGNAN + "')].filed").isEqualTo(1));
    }

    private static String bearer(String user) {
        return "Bearer " + platform.token(user);
    }

    private static RestTestClient.ResponseSpec command(String bearer, String command, String body) {
        return gateway.post().uri("/api/cases/" + caseId + "/" + command)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
