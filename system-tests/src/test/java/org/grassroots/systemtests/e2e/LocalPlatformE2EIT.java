package org.grassroots.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platform.token("resident1"))
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
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platform.token("resident1"))
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
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platform.token("resident1"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.number").exists();
        gateway.get().uri("/api/cases/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platform.token("resident2"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    @Order(5)
    void theCommunityDispatcherSeesTheCase() {
        gateway.get().uri("/api/cases/" + caseId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + platform.token("dispatcher1"))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    @Order(6)
    void anOutsideConsumerSeesCaseReportedOnCaseEvents() {
        try (TopicProbe probe = TopicProbe.listen(platform.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            ConsumerRecord<String, byte[]> record =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);

            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.grassroots.case.reported");
            assertThat(new String(record.value())).contains(CHENGNAN).doesNotContain("resident1");
        }
    }

    @Test
    @Order(7)
    void theCaseIsCountedForItsCommunity() {
        String dispatcher = platform.token("dispatcher1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gateway.get().uri("/api/stats/filed-cases")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + dispatcher)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.communityId == '" + CHENGNAN + "')].filed").isEqualTo(1));
    }
}
