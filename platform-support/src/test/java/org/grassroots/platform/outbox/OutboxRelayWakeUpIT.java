package org.grassroots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.platform.testapp.Parcel;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a poll interval of an hour the relay does not scan on its own during the test (beyond its
 * first scan at start): what the store writes is published because the store names the document
 * it wrote, and what was left in the store behind its back (as a crash leaves it) is published by
 * the full scan a plain wake-up asks for.
 */
@SpringBootTest(classes = PlatformSupportTestApplication.class, properties = "grassroots.outbox.poll-interval=1h")
class OutboxRelayWakeUpIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", PlatformInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", PlatformInfrastructure::mongoConnectionString);
        registry.add("spring.mongodb.database", () -> "outbox-wake-up-it");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @Autowired
    AggregateStore store;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxMessages messages;

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenTheStore_whenItWritesADocument_thenTheDocumentIsPublishedAtOnceByItsId() {
        String caseId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            store.insert(new Parcel(caseId, 1, "reported", null), List.of(TestEvents.reported(caseId)));
            store.update(new Parcel(caseId, 2, "accepted", null), 1, List.of(TestEvents.accepted(caseId, 2)));

            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 2, Duration.ofSeconds(20));

            assertThat(records).hasSize(2);
        }
    }

    @Test
    void givenEventsLeftBehindTheStoresBack_whenAFullScanRuns_thenTheyArePublished() {
        String caseId = UUID.randomUUID().toString();
        Document leftOver = new Document("_id", caseId).append("version", 1L).append("label", "reported")
                .append(OutboxMessage.FIELD,
                        List.of(OutboxMessages.toDocument(messages.wrap(TestEvents.reported(caseId)))));
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            mongo.getCollection("parcels").insertOne(leftOver);
            String other = UUID.randomUUID().toString();
            store.insert(new Parcel(other, 1, "reported", null), List.of(TestEvents.reported(other)));
            probe.awaitRecords(r -> other.equals(r.key()), 1, Duration.ofSeconds(20));

            relay.wakeUp();

            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void givenADocumentAnotherRelayHoldsTheLeaseOn_whenWokenUp_thenItIsLeftToItUntilTheLeaseRunsOut() {
        String caseId = UUID.randomUUID().toString();
        Document leased = new Document("_id", caseId).append("version", 1L).append("label", "reported")
                .append("outboxLease", FieldLease.holding("another-relay", Date.from(Instant.now().plus(Duration.ofHours(1)))))
                .append(OutboxMessage.FIELD,
                        List.of(OutboxMessages.toDocument(messages.wrap(TestEvents.reported(caseId)))));
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            mongo.getCollection("parcels").insertOne(leased);

            relay.wakeUp("parcels", caseId);
            relay.wakeUp();
            assertThat(probe.drain(Duration.ofSeconds(3))).noneMatch(r -> caseId.equals(r.key()));

            mongo.getCollection("parcels").updateOne(new Document("_id", caseId),
                    new Document("$set", new Document("outboxLease.until", Date.from(Instant.now().minusSeconds(1)))));
            relay.wakeUp("parcels", caseId);

            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Document published = mongo.getCollection("parcels").find(new Document("_id", caseId)).first();
                assertThat(published.getList(OutboxMessage.FIELD, Document.class)).isEmpty();
                assertThat(published).doesNotContainKey("outboxLease");
            });
        }
    }
}
