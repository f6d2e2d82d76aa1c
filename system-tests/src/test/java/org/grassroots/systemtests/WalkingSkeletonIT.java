package org.grassroots.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.grassroots.caseservice.CaseServiceApplication;
import org.grassroots.contracts.Topics;
import org.grassroots.evaluationservice.EvaluationServiceApplication;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The walking skeleton: a resident's report goes into case-service, leaves it as
 * {@code CaseReported} through the outbox, and is counted once by evaluation-service, even when
 * Kafka delivers the same event twice.
 */
class WalkingSkeletonIT {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";

    static RunningService caseService;
    static RunningService evaluationService;

    @BeforeAll
    static void startServices() {
        caseService = RunningService.start(CaseServiceApplication.class, "case-service");
        evaluationService = RunningService.start(EvaluationServiceApplication.class, "evaluation-service");
    }

    @AfterAll
    static void stopServices() {
        evaluationService.close();
        caseService.close();
    }

    @Test
    void givenAReportedCase_whenItsEventIsDeliveredTwice_thenItIsCountedOnceForItsCommunity() throws Exception {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String caseId = report();
            ConsumerRecord<String, byte[]> reported =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            awaitFiledInFuqian(1);

            // Kafka delivers at least once: the same event, same id, arrives again.
            KafkaTemplate<String, byte[]> kafka = caseService.bean(KafkaTemplate.class);
            RecordMetadata again = kafka.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, reported.key(),
                    reported.value(), reported.headers())).get().getRecordMetadata();
            awaitConsumedBy("evaluation-service", again);
            assertThat(filedInFuqian()).isEqualTo(1);

            report();
            awaitFiledInFuqian(2);
        }
    }

    /** Waits until the group has committed past the record: it has been handled, whatever it did. */
    private static void awaitConsumedBy(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlatformInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private String report() {
        return (String) RestTestClient.bindToServer().baseUrl(caseService.baseUrl()).build()
                .post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"categoryCode": "EXPOSED_RUBBISH", "description": "楼道口垃圾堆积",
                         "point": {"lon": 119.0213, "lat": 33.6012}}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private void awaitFiledInFuqian(int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> filedInFuqian() == expected);
    }

    private int filedInFuqian() {
        Object[] rows = RestTestClient.bindToServer().baseUrl(evaluationService.baseUrl()).build()
                .get().uri("/api/stats/filed-cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", FUQIAN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map[].class).returnResult().getResponseBody();
        for (Object row : rows) {
            Map<?, ?> count = (Map<?, ?>) row;
            if ("qjp-wangying-fuqian".equals(count.get("communityId"))) {
                return ((Number) count.get("filed")).intValue();
            }
        }
        return 0;
    }
}
