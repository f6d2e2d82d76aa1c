package org.grassroots.evaluationservice.stats;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.evaluationservice.EvaluationIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Cases filed per community, counted from {@code case-events}: twice the same event counts once. */
@EvaluationIntegrationTest
class FiledCasesIT {

    static final String COMMUNITY = "qjp-chengnan-" + UUID.randomUUID().toString().substring(0, 8);
    static final String PATH = "/qjp/qjp-chengnan/" + COMMUNITY;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.staff("street-1", "street_staff", "/qjp/qjp-chengnan").bearer())
                .build();
    }

    @Test
    void givenAReportedEventDeliveredTwice_whenANewOneFollows_thenTheFirstCountsOnceAndTheNewOneAgain() throws Exception {
        ProducerRecord<String, byte[]> first = reported(UUID.randomUUID().toString());
        kafka.send(first).get();
        kafka.send(new ProducerRecord<>(first.topic(), null, first.key(), first.value(), first.headers())).get();
        awaitFiled(1);

        kafka.send(reported(UUID.randomUUID().toString())).get();
        awaitFiled(2);
    }

    @Test
    void givenStreetStaff_whenReadingFiledCases_thenACommunityOutsideTheirStreetIsNotShown() {
        client.get().uri("/api/stats/filed-cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("street-2", "street_staff", "/qjp/qjp-puloushan").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.communityId == '" + COMMUNITY + "')]").doesNotExist();
    }

    @Test
    void givenAResident_whenReadingStatistics_thenForbidden() {
        client.get().uri("/api/stats/filed-cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", PATH).bearer())
                .exchange()
                .expectStatus().isForbidden();
    }

    private void awaitFiled(int expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.get().uri("/api/stats/filed-cases")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.communityId == '" + COMMUNITY + "')].filed").isEqualTo(expected));
    }

    private ProducerRecord<String, byte[]> reported(String caseId) {
        Instant now = Instant.now();
        CaseFacts facts = new CaseFacts(caseId, "GR-20261121-000007", "BURST_WATER_PIPE", "供水管道爆裂",
                HandlingLevel.COMMUNITY, CaseStatus.REPORTED, true, Channel.HOTLINE_12345, new GeoPoint(119.03, 33.59),
                "承德南路", "320812002001001", COMMUNITY, "qjp-chengnan", null, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId,
                codec.write(new CaseReported(caseId, 1, PATH, now, facts, null, null)));
        new EventEnvelope(UUID.randomUUID().toString(), "org.grassroots.case.reported", "/grassroots/case-service", now,
                caseId, null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }
}
