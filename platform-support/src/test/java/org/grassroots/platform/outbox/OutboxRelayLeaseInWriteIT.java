package org.grassroots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
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
 * The store takes the relay's lease in the aggregate's own write and hands the outbox over, so a
 * fresh change needs no claim; a change that meets a lease someone holds is written without it and
 * published once that lease is given back. The poll interval is an hour: nothing here is found by a
 * scan (beyond the relay's first at start), only by what the store tells the relay.
 */
@SpringBootTest(classes = PlatformSupportTestApplication.class, properties = "grassroots.outbox.poll-interval=1h")
class OutboxRelayLeaseInWriteIT {

    private static final String PARCELS = "parcels";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", PlatformInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", PlatformInfrastructure::mongoConnectionString);
        registry.add("spring.mongodb.database", () -> "outbox-lease-in-write-it");
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

    @Autowired
    EventCodec codec;

    @Test
    void givenAChangeWithEvents_whenStored_thenItsWriteHoldsTheRelaysLeaseAndTheRelaySendsWithoutAClaim() {
        String caseId = UUID.randomUUID().toString();
        relay.stop();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            try {
                store.insert(new Parcel(caseId, 1, "reported", null), List.of(TestEvents.reported(caseId)));

                Document written = parcel(caseId);
                Document lease = written.get(OutboxHold.LEASE, Document.class);
                assertThat(lease).as("the lease taken with the write").isNotNull();
                assertThat(lease.getDate(FieldLease.UNTIL)).isAfter(Date.from(Instant.now().plusSeconds(20)));
                // Pushed far out: a claim could not take it now, so what arrives was sent as handed over.
                mongo.getCollection(PARCELS).updateOne(new Document("_id", caseId), new Document("$set",
                        new Document(OutboxHold.LEASE + "." + FieldLease.UNTIL,
                                Date.from(Instant.now().plus(Duration.ofHours(1))))));
            } finally {
                relay.start();
            }

            assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document published = parcel(caseId);
            assertThat(published.getList(OutboxMessage.FIELD, Document.class)).isEmpty();
            assertThat(published).doesNotContainKey(OutboxHold.LEASE);
        });
    }

    @Test
    void givenAHandedOverOutboxWaitingLongerThanTheLeaseLeavesForItsSends_whenRelayed_thenItIsPublishedOnceAndSettled() {
        String caseId = UUID.randomUUID().toString();
        relay.stop();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            try {
                store.insert(new Parcel(caseId, 1, "reported", null), List.of(TestEvents.reported(caseId)));
                // Of the 30 s lease, 25 s are the producer's delivery timeout: once less than that and
                // 2 s are left, the relay renews the lease before it sends.
                Duration renewBelow = Duration.ofSeconds(25 + 2);
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                        Duration.between(Instant.now(), leaseUntil(caseId)).compareTo(renewBelow) < 0);
            } finally {
                relay.start();
            }

            probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> caseId.equals(r.key())).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document published = parcel(caseId);
            assertThat(published.getList(OutboxMessage.FIELD, Document.class)).isEmpty();
            assertThat(published).doesNotContainKey(OutboxHold.LEASE);
        });
    }

    @Test
    void givenALeaseAnotherRelayHolds_whenTheAggregateChanges_thenTheChangeLandsWithoutTheLeaseAndLeavesWhenItIsGivenBack() {
        String caseId = UUID.randomUUID().toString();
        Document held = new Document("_id", caseId).append("version", 1L).append("label", "reported")
                .append(OutboxHold.LEASE, FieldLease.holding("another-relay",
                        Date.from(Instant.now().plus(Duration.ofHours(1)))))
                .append(OutboxMessage.FIELD,
                        List.of(OutboxMessages.toDocument(messages.wrap(TestEvents.reported(caseId)))));
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            mongo.getCollection(PARCELS).insertOne(held);

            store.update(new Parcel(caseId, 2, "accepted", null), 1, List.of(TestEvents.accepted(caseId, 2)));

            Document written = parcel(caseId);
            assertThat(written.getLong("version")).isEqualTo(2L);
            assertThat(written.get(OutboxHold.LEASE, Document.class).getString(FieldLease.OWNER))
                    .isEqualTo("another-relay");
            assertThat(written.getList(OutboxMessage.FIELD, Document.class)).hasSize(2);
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(r -> caseId.equals(r.key()));

            // The other relay publishes the report and gives the lease back, as its settling does.
            mongo.getCollection(PARCELS).updateOne(new Document("_id", caseId), new Document("$pull",
                    new Document(OutboxMessage.FIELD, new Document("type", "org.grassroots.case.reported")))
                    .append("$unset", new Document(OutboxHold.LEASE, "")));

            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                    .containsExactly("org.grassroots.case.accepted");
        }
    }

    /**
     * A focused benchmark of the write → Kafka path as well as a check: many aggregates changed at
     * once from several threads, with a full scan asked for in the middle. Every event arrives once,
     * each aggregate's in its order; the time from each write to its record's timestamp (the
     * producer's, at sending) is printed.
     */
    @Test
    void givenManyAggregatesChangedAtOnce_whenRelayed_thenEveryEventArrivesOnceAndEachAggregatesInOrder()
            throws Exception {
        int aggregates = 120;
        int versions = 4;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Set<String> keys = new HashSet<>(ids);
        Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(writers.submit(() -> {
                    store.insert(new Parcel(id, 1, "v1", null), List.of(TestEvents.reported(id)));
                    writtenAt.put(id + ":1", System.currentTimeMillis());
                    for (long version = 2; version <= versions; version++) {
                        store.update(new Parcel(id, version, "v" + version, null), version - 1,
                                List.of(TestEvents.accepted(id, version)));
                        writtenAt.put(id + ":" + version, System.currentTimeMillis());
                    }
                    return null;
                }));
                if (done.size() == aggregates / 2) {
                    relay.wakeUp();
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
            writers.shutdown();

            probe.awaitRecords(r -> keys.contains(r.key()), aggregates * versions, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> arrived = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> keys.contains(r.key())).toList();

            assertThat(arrived).hasSize(aggregates * versions);
            assertThat(arrived.stream().map(r -> TopicProbe.header(r, CloudEventHeaders.ID)).distinct())
                    .hasSize(aggregates * versions);
            Map<String, List<Long>> order = new LinkedHashMap<>();
            double[] millis = new double[arrived.size()];
            for (int i = 0; i < arrived.size(); i++) {
                ConsumerRecord<String, byte[]> record = arrived.get(i);
                long version = codec.read(TopicProbe.header(record, CloudEventHeaders.TYPE), record.value())
                        .aggregateVersion();
                order.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(version);
                millis[i] = record.timestamp() - writtenAt.get(record.key() + ":" + version);
            }
            assertThat(order).allSatisfy((id, seen) -> assertThat(seen).containsExactly(1L, 2L, 3L, 4L));
            Arrays.sort(millis);
            System.out.printf("outbox write → record on Kafka, %d events of %d aggregates: p50 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms%n", millis.length, aggregates, millis[millis.length / 2],
                    millis[(int) Math.ceil(millis.length * 0.99) - 1], millis[millis.length - 1]);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(parcel(id).getList(OutboxMessage.FIELD, Document.class)).isEmpty()));
    }

    private Document parcel(String id) {
        return mongo.getCollection(PARCELS).find(new Document("_id", id)).first();
    }

    /** When the relay's lease on the parcel, as its write took it, runs out. */
    private Instant leaseUntil(String id) {
        return parcel(id).get(OutboxHold.LEASE, Document.class).getDate(FieldLease.UNTIL).toInstant();
    }
}
