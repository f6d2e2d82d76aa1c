package org.grassroots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.testapp.Parcel;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.RestartableKafka;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox against a broker of its own that the test stops and restarts: changes are accepted
 * while Kafka is down, and their events arrive once it is back, exactly once and in order.
 */
@SpringBootTest(classes = PlatformSupportTestApplication.class)
class OutboxRelayIT {

    static final RestartableKafka kafka = RestartableKafka.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.mongodb.uri", PlatformInfrastructure::mongoConnectionString);
        registry.add("spring.mongodb.database", () -> "outbox-relay-it");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    @Autowired
    OutboxRelay relay;

    @Test
    void givenAnEventDatedAheadOfTheBrokersClock_whenRelayed_thenItIsPublishedAndHoldsNothingBack() {
        String early = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), Topics.CASE_EVENTS)) {
            store.insert(new Parcel(early, 1, "reported", null),
                    List.of(TestEvents.reportedAt(early, Instant.now().plus(Duration.ofHours(3)))));
            store.insert(new Parcel(next, 1, "reported", null), List.of(TestEvents.reported(next)));

            assertThat(probe.awaitRecords(r -> early.equals(r.key()) || next.equals(r.key()), 2,
                    Duration.ofSeconds(20))).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(early, next);
        }
    }

    @Test
    void givenARelayStoppedAndStartedAgain_whenAChangeIsStored_thenItKeepsPublishing() {
        String caseId = UUID.randomUUID().toString();
        relay.stop();
        relay.start();
        try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), Topics.CASE_EVENTS)) {
            store.insert(new Parcel(caseId, 1, "reported", null), List.of(TestEvents.reported(caseId)));

            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
        assertThat(relay.isRunning()).isTrue();
    }

    @Test
    void givenTwoChangesToOneAggregate_whenPublished_thenTheyArriveInTheOrderTheyWereMade() {
        String caseId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), Topics.CASE_EVENTS)) {
            store.insert(new Parcel(caseId, 1, "reported", null), List.of(TestEvents.reported(caseId)));
            store.update(new Parcel(caseId, 2, "accepted", null), 1, List.of(TestEvents.accepted(caseId, 2)));

            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 2, Duration.ofSeconds(20));

            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsExactly("org.grassroots.case.reported", "org.grassroots.case.accepted");
            assertThat(records).extracting(r -> codec.read(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value())
                    .aggregateVersion()).containsExactly(1L, 2L);
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.SUBJECT))
                    .containsOnly(caseId);
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.SOURCE))
                    .containsOnly("/grassroots/platform-support-test");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pending(caseId)).isEmpty());
    }

    @Test
    void givenAChangeMadeWhileKafkaIsDown_whenKafkaReturns_thenItIsPublishedExactlyOnce() {
        String caseId = UUID.randomUUID().toString();
        kafka.stop();
        try {
            store.insert(new Parcel(caseId, 1, "reported while Kafka is down", "kept"),
                    List.of(TestEvents.reported(caseId)));

            assertThat(mongo.findById(caseId, Parcel.class)).extracting(Parcel::label)
                    .isEqualTo("reported while Kafka is down");
            assertThat(pending(caseId)).hasSize(1);
        } finally {
            kafka.restart();
        }

        try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), Topics.CASE_EVENTS)) {
            probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> arrived = probe.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> caseId.equals(r.key())).toList();

            assertThat(arrived).hasSize(1);
            CaseReported event = codec.read(arrived.get(0).value(), CaseReported.class);
            assertThat(event.caseId()).isEqualTo(caseId);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pending(caseId)).isEmpty());
    }

    @Test
    void givenAStoredDocument_whenUpdated_thenFieldsTheNewStateNoLongerHasAreRemoved() {
        String id = UUID.randomUUID().toString();
        store.insert(new Parcel(id, 1, "first", "a note"), List.of());
        store.update(new Parcel(id, 2, "second", null), 1, List.of());

        Document stored = mongo.getCollection("parcels").find(new Document("_id", id)).first();
        assertThat(stored).containsEntry("label", "second").doesNotContainKey("note");
    }

    private List<Document> pending(String id) {
        Document stored = mongo.getCollection("parcels").find(new Document("_id", id)).first();
        return stored == null ? List.of() : stored.getList(OutboxMessage.FIELD, Document.class, List.of());
    }
}
