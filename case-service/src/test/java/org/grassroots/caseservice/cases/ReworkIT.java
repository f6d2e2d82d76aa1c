package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
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
 * 发回重办 after a dissatisfied rating arrives on evaluation-events: once, however often it is
 * delivered. A context of its own (the property below): every live case-service context in the JVM
 * consumes evaluation-events in the group {@code case-service}, so the ratings must reach this one.
 */
@ServiceIntegrationTest(properties = "spring.kafka.consumer.group-id=case-service-rework-it")
class ReworkIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();

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
    void givenAClosedCase_whenADissatisfiedRatingIsDeliveredTwice_thenItIsReopenedOnce() throws Exception {
        String id = closedCase();
        CaseRated rated = new CaseRated(id, 1, CHENGNAN, Instant.now(), "rating-" + id, "GR-1", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", "dept-housing", Satisfaction.DISSATISFIED, false);
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            publish(rated, eventId);
            publish(rated, eventId);
            publish(rated, UUID.randomUUID().toString());

            await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CaseStatus.REOPENED);
            List<ConsumerRecord<String, byte[]>> reopened = probe.awaitRecords(record -> id.equals(record.key())
                    && "org.grassroots.case.reopened".equals(TopicProbe.header(record, CloudEventHeaders.TYPE)), 1,
                    Duration.ofSeconds(30));
            CaseReopened event = codec.read(reopened.get(0).value(), CaseReopened.class);
            assertThat(event.cause()).isEqualTo(ReopenCause.RESIDENT_DISSATISFIED);
            assertThat(event.ratingId()).isEqualTo("rating-" + id);
            assertThat(probe.drain(Duration.ofSeconds(3)).stream().filter(record -> id.equals(record.key())
                    && "org.grassroots.case.reopened".equals(TopicProbe.header(record, CloudEventHeaders.TYPE))))
                    .hasSize(1);
        }
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectBody().jsonPath("$[?(@.action == 'REOPEN')]").value(List.class,
                        entries -> assertThat(entries).hasSize(1));
    }

    /**
     * The rating's id is stored by the write that reopens the case, so there is no moment at which the
     * effect exists without its record. A crash after that write and before the offset is committed
     * redelivers the rating; by then the case may have been handled and closed again, and it must
     * not go back a second time.
     */
    @Test
    void givenTheReworkWasStoredButTheOffsetNotCommitted_whenTheRatingIsRedeliveredAfterTheCaseClosedAgain_thenNotReopenedTwice()
            throws Exception {
        String id = closedCase();
        CaseRated rated = new CaseRated(id, 1, CHENGNAN, Instant.now(), "rating-" + id, "GR-4", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", "dept-housing", Satisfaction.DISSATISFIED, false);
        String eventId = UUID.randomUUID().toString();
        publish(rated, eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CaseStatus.REOPENED);
        String housing = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
        command(id, "dispatch", DISPATCHER, """
                {"assignee": {"kind": "DEPARTMENT", "id": "dept-housing", "displayName": "区住建局"}}
                """);
        command(id, "claim", housing, "{}");
        command(id, "resolve", housing, "{\"note\": \"已彻底清运\"}");
        command(id, "verify", DISPATCHER, "{\"passed\": true}");
        assertThat(status(id)).isEqualTo(CaseStatus.CLOSED);

        publish(rated, eventId);
        // A later dissatisfied rating of another case on the same partition shows the redelivery was consumed.
        String later = closedCase();
        publish(new CaseRated(later, 1, CHENGNAN, Instant.now(), "rating-" + later, "GR-5", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", null, Satisfaction.DISSATISFIED, false), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> status(later) == CaseStatus.REOPENED);

        assertThat(status(id)).isEqualTo(CaseStatus.CLOSED);
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectBody().jsonPath("$[?(@.action == 'REOPEN')]").value(List.class,
                        entries -> assertThat(entries).hasSize(1));
    }

    @Test
    void givenAClosedCase_whenRatedSatisfied_thenItStaysClosed() throws Exception {
        String id = closedCase();
        publish(new CaseRated(id, 1, CHENGNAN, Instant.now(), "rating-" + id, "GR-2", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", null, Satisfaction.SATISFIED, false), UUID.randomUUID().toString());
        String later = closedCase();
        publish(new CaseRated(later, 1, CHENGNAN, Instant.now(), "rating-" + later, "GR-3", "EXPOSED_RUBBISH",
                "qjp-pulou-chengnan", null, Satisfaction.DISSATISFIED, false), UUID.randomUUID().toString());

        // Ratings of one partition are applied in order: once the later one shows, the earlier one was seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> status(later) == CaseStatus.REOPENED);
        assertThat(status(id)).isEqualTo(CaseStatus.CLOSED);
    }

    private void publish(CaseRated rated, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVALUATION_EVENTS, 0, rated.caseId(),
                codec.write(rated));
        EventEnvelope.of(eventId, "/grassroots/evaluation-service", rated, null).toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }

    private CaseStatus status(String id) {
        return client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectBody(StatusView.class).returnResult().getResponseBody().status();
    }

    private String closedCase() {
        String resident = TestTokens.resident("resident-1", CHENGNAN).bearer();
        String housing = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, resident)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"categoryCode": "EXPOSED_RUBBISH", "description": "垃圾堆积", "point": {"lon": 119.0213, "lat": 33.6012}}
                        """).exchange().expectStatus().isCreated().expectBody(StatusView.class).returnResult()
                .getResponseBody().id();
        command(id, "accept", DISPATCHER, "{}");
        command(id, "dispatch", DISPATCHER, """
                {"assignee": {"kind": "DEPARTMENT", "id": "dept-housing", "displayName": "区住建局"}}
                """);
        command(id, "claim", housing, "{}");
        command(id, "resolve", housing, "{\"note\": \"已清运\"}");
        command(id, "verify", DISPATCHER, "{\"passed\": true}");
        return id;
    }

    private void command(String id, String command, String bearer, String body) {
        client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk();
    }

    record StatusView(String id, CaseStatus status) {
    }
}
