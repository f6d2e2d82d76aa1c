package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.CaseTakenUp;
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

/** Parked cases (挂账): listed for review in their area, and taken up again (销账恢复) with fresh time limits. */
@ServiceIntegrationTest
class ParkedCasesIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String OTHER_COMMUNITY = TestTokens
            .staff("dispatcher-9", "community_staff", "/qjp/qjp-pulou/qjp-pulou-chengbei").bearer();

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
    void givenAParkedCase_whenStaffReviewTheListAndTakeItUp_thenItIsAcceptedAgainWithAFreshRespondLimit() {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String id = parkedCase();

            client.get().uri("/api/cases/parked").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.aCase.id == '" + id + "')].reason").isEqualTo(List.of("需纳入老旧小区改造计划"))
                    .jsonPath("$[?(@.aCase.id == '" + id + "')].daysParked").isEqualTo(List.of(0))
                    .jsonPath("$[?(@.aCase.id == '" + id + "')].reviewDue").isEqualTo(List.of(false));
            client.get().uri("/api/cases/parked").header(HttpHeaders.AUTHORIZATION, OTHER_COMMUNITY).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.aCase.id == '" + id + "')]").doesNotExist();

            post(id, "take-up", RESIDENT, "{\"reason\": \"我想恢复\"}").expectStatus().isForbidden();
            post(id, "take-up", DISPATCHER, "{}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
            post(id, "take-up", DISPATCHER, "{\"version\": 3, \"reason\": \"旧改计划已批复\"}").expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(CaseStatus.ACCEPTED.name())
                    .jsonPath("$.deadlines.respondBy").exists();
            post(id, "take-up", DISPATCHER, "{\"reason\": \"again\"}").expectStatus().isEqualTo(409);
            client.get().uri("/api/cases/parked").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.aCase.id == '" + id + "')]").doesNotExist();

            probe.awaitRecords(record -> id.equals(record.key()), 4, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> events = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> id.equals(record.key())).toList();
            assertThat(events).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE)).containsExactly(
                    "org.grassroots.case.reported", "org.grassroots.case.accepted", "org.grassroots.case.parked",
                    "org.grassroots.case.taken-up");
            CaseTakenUp takenUp = codec.read(events.get(3).value(), CaseTakenUp.class);
            assertThat(takenUp.aggregateVersion()).isEqualTo(4);
            assertThat(takenUp.facts().status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(takenUp.facts().deadlines().respondBy()).isNotNull();
        }
    }

    private String parkedCase() {
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"categoryCode": "EXPOSED_RUBBISH",
                         "description": "城南小区北侧空地长期堆放建筑垃圾",
                         "point": {"lon": 119.0213, "lat": 33.6012}}
                        """).exchange().expectStatus().isCreated().expectBody(IdView.class).returnResult()
                .getResponseBody().id();
        post(id, "accept", DISPATCHER, "{}").expectStatus().isOk();
        post(id, "park", DISPATCHER, "{\"reason\": \"需纳入老旧小区改造计划\"}").expectStatus().isOk();
        return id;
    }

    private RestTestClient.ResponseSpec post(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record IdView(String id) {
    }
}
