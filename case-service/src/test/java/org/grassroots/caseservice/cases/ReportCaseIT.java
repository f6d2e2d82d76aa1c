package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
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

/** A resident reports a case: it is stored, and {@code CaseReported} leaves through the outbox. */
@ServiceIntegrationTest
class ReportCaseIT {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH",
             "description": "健康东路垃圾桶旁堆放生活垃圾三天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012},
             "locationDescription": "健康东路与淮海南路路口"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenAResidentsReport_whenFiled_thenItIsStoredAndPublishedAsCaseReported() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            CaseResponseView created = client.post().uri("/api/cases")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                    .header("X-Correlation-Id", "walk-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(RUBBISH)
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/cases/[0-9a-f-]{36}")
                    .expectBody(CaseResponseView.class)
                    .returnResult().getResponseBody();

            assertThat(created.status()).isEqualTo(CaseStatus.REPORTED);
            assertThat(created.number()).matches("GR-\\d{8}-\\d{6}");
            assertThat(created.orgPath()).isEqualTo(FUQIAN);

            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> created.id().equals(r.key()), 1, Duration.ofSeconds(20));
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.grassroots.case.reported");
            assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/grassroots/case-service");
            assertThat(TopicProbe.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("walk-1");
            // Made in time order, so the store writes them to its last pages (TimeOrderedIds).
            assertThat(UUID.fromString(created.id()).version()).isEqualTo(7);
            assertThat(UUID.fromString(TopicProbe.header(record, CloudEventHeaders.ID)).version()).isEqualTo(7);

            CaseReported event = codec.read(record.value(), CaseReported.class);
            assertThat(event.aggregateVersion()).isEqualTo(1);
            assertThat(event.orgPath()).isEqualTo(FUQIAN);
            assertThat(event.facts().communityId()).isEqualTo("qjp-wangying-fuqian");
            assertThat(event.facts().channel()).isEqualTo(Channel.RESIDENT_APP);
            assertThat(event.facts().categoryName()).isEqualTo("暴露垃圾");
            assertThat(event.facts().level()).isEqualTo(HandlingLevel.GRID);
            assertThat(new String(record.value())).doesNotContain("resident-1");
        }
    }

    @Test
    void givenAResidentsCase_whenAnotherResidentReadsIt_thenNotFound() {
        CaseResponseView created = report(TestTokens.resident("resident-1", FUQIAN).bearer());

        client.get().uri("/api/cases/" + created.id())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-2", FUQIAN).bearer())
                .exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/cases/" + created.id())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(created.id());
    }

    @Test
    void givenACaseInACommunity_whenStaffReadIt_thenStaffOfThatCommunitySeeItAndStaffOfAnotherDoNot() {
        CaseResponseView created = report(TestTokens.resident("resident-1", FUQIAN).bearer());

        client.get().uri("/api/cases/" + created.id())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", FUQIAN).bearer())
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/api/cases/" + created.id())
                .header(HttpHeaders.AUTHORIZATION,
                        TestTokens.staff("dispatcher-9", "community_staff", "/qjp/qjp-puloushan/qjp-puloushan-a").bearer())
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenAReportWithoutWhereOrWhat_whenFiled_thenRefusedFieldByField() {
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"categoryCode\": \"rubbish\", \"description\": \"\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[?(@.field == 'categoryCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'description')]").exists()
                .jsonPath("$.errors[?(@.field == 'point')]").exists();
    }

    @Test
    void givenACategoryOutsideTheCatalogue_whenReported_thenRefused() {
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH.replace("EXPOSED_RUBBISH", "FLYING_SAUCER"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("categoryCode")
                .jsonPath("$.errors[0].reason").isEqualTo("is not in the category catalogue (GET /api/categories)");
    }

    @Test
    void givenDepartmentStaff_whenFilingACase_thenForbidden() {
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.departmentStaff("dept-1", "dept-urban", "/qjp").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH)
                .exchange()
                .expectStatus().isForbidden();
    }

    private CaseResponseView report(String bearer) {
        return client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(RUBBISH)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(CaseResponseView.class)
                .returnResult().getResponseBody();
    }

    record CaseResponseView(String id, String number, CaseStatus status, String orgPath) {
    }
}
