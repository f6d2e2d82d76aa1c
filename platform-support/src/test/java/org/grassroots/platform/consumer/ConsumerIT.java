package org.grassroots.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventCodecException;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.outbox.TestEvents;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Consuming the one way: the effect and the record of the event id are one write, a failing
 * record is retried and then parked on the dead-letter topic.
 */
@ServiceIntegrationTest(classes = {PlatformSupportTestApplication.class, ConsumerIT.Listeners.class})
class ConsumerIT {

    static final String TOPIC = "consumer-it-events";
    static final String COLLECTION = "consumer_it_effects";
    static final String BATCH_TOPIC = "consumer-it-batches";
    static final String BATCH_COLLECTION = "consumer_it_batch_effects";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdempotentConsumer consumer;

    @Test
    void givenTheSameEvent_whenDeliveredTwice_thenItHasOneEffect() throws Exception {
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = record(UUID.randomUUID().toString(), caseId,
                codec.write(reported(caseId)));

        kafka.send(record).get();
        kafka.send(new ProducerRecord<>(TOPIC, null, caseId, record.value(), record.headers())).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> Listeners.deliveries.getOrDefault(caseId, 0) == 2);
        assertThat(mongo.getCollection(COLLECTION).countDocuments(new Document("caseId", caseId))).isEqualTo(1);
    }

    @Test
    void givenAnEvent_whenItsEffectIsRecordedTwice_thenRecordOnceSaysWhetherItIsNew() {
        String eventId = UUID.randomUUID().toString();

        assertThat(consumer.recordOnce("recorded_once", eventId, new Document("n", 1))).isTrue();
        assertThat(consumer.recordOnce("recorded_once", eventId, new Document("n", 2))).isFalse();
        assertThat(mongo.getCollection("recorded_once").find(new Document("_id", eventId)).first())
                .containsEntry("n", 1);
    }

    @Test
    void givenARecordThatKeepsFailing_whenConsumed_thenItIsRetriedThenParkedOnTheDeadLetterTopic() throws Exception {
        String caseId = "fail-" + UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), TOPIC + ".DLT")) {
            kafka.send(record(UUID.randomUUID().toString(), caseId, codec.write(reported(caseId)))).get();

            ConsumerRecord<String, byte[]> parked =
                    deadLetters.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);

            assertThat(Listeners.deliveries.get(caseId)).isEqualTo(3);
            assertThat(TopicProbe.header(parked, "kafka_dlt-exception-message")).isEqualTo("The handler refuses this record");
            assertThat(TopicProbe.header(parked, "kafka_dlt-exception-fqcn")).isEqualTo(IllegalStateException.class.getName());
            assertThat(TopicProbe.header(parked, "ce_id")).isNotBlank();
        }
    }

    @Test
    void givenARecordThatCannotBeRead_whenConsumed_thenItGoesStraightToTheDeadLetterTopic() throws Exception {
        String caseId = "garbled-" + UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), TOPIC + ".DLT")) {
            kafka.send(record(UUID.randomUUID().toString(), caseId, "{not json".getBytes(StandardCharsets.UTF_8))).get();

            deadLetters.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(Listeners.deliveries.get(caseId)).isEqualTo(1);
        }
    }

    @Test
    void givenAPollWithAnUnreadableRecord_whenConsumedAsABatch_thenItIsParkedAtOnceAndTheRecordsAroundItAreApplied()
            throws Exception {
        String before = UUID.randomUUID().toString();
        String garbled = "garbled-" + UUID.randomUUID();
        String after = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), BATCH_TOPIC + ".DLT")) {
            kafka.send(record(BATCH_TOPIC, UUID.randomUUID().toString(), before, codec.write(reported(before))));
            kafka.send(record(BATCH_TOPIC, UUID.randomUUID().toString(), garbled, "{not json".getBytes(StandardCharsets.UTF_8)));
            kafka.send(record(BATCH_TOPIC, UUID.randomUUID().toString(), after, codec.write(reported(after)))).get();

            ConsumerRecord<String, byte[]> parked =
                    deadLetters.awaitRecords(r -> garbled.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> effects(before) == 1 && effects(after) == 1);

            assertThat(BatchListener.deliveries.get(garbled)).isEqualTo(1);
            assertThat(TopicProbe.header(parked, "kafka_dlt-exception-fqcn")).isEqualTo(EventCodecException.class.getName());
        }
    }

    @Test
    void givenARecordThatKeepsFailingInABatch_whenConsumed_thenItAloneIsRetriedThenParkedWithItsReason() throws Exception {
        String failing = "fail-" + UUID.randomUUID();
        String next = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), BATCH_TOPIC + ".DLT")) {
            kafka.send(record(BATCH_TOPIC, UUID.randomUUID().toString(), failing, codec.write(reported(failing))));
            kafka.send(record(BATCH_TOPIC, UUID.randomUUID().toString(), next, codec.write(reported(next)))).get();

            ConsumerRecord<String, byte[]> parked =
                    deadLetters.awaitRecords(r -> failing.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> effects(next) == 1);

            assertThat(BatchListener.deliveries.get(failing)).isEqualTo(3);
            assertThat(TopicProbe.header(parked, "kafka_dlt-exception-message")).isEqualTo("The handler refuses this record");
            assertThat(TopicProbe.header(parked, "kafka_dlt-exception-fqcn")).isEqualTo(IllegalStateException.class.getName());
            assertThat(effects(failing)).isZero();
        }
    }

    private long effects(String caseId) {
        return mongo.getCollection(BATCH_COLLECTION).countDocuments(new Document("caseId", caseId));
    }

    private ProducerRecord<String, byte[]> record(String eventId, String caseId, byte[] payload) {
        return record(TOPIC, eventId, caseId, payload);
    }

    private ProducerRecord<String, byte[]> record(String topic, String eventId, String caseId, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, payload);
        EventEnvelope envelope = new EventEnvelope(eventId, "org.grassroots.case.reported", "/grassroots/test",
                Instant.now(), caseId, "corr-" + caseId);
        envelope.toHeaders().forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static IntegrationEvent reported(String caseId) {
        return TestEvents.reported(caseId);
    }

    @TestConfiguration
    static class Listeners {

        static final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

        @Bean
        CountingListener consumerItListener(EventPipeline pipeline, IdempotentConsumer consumer) {
            return new CountingListener(pipeline, consumer);
        }

        @Bean
        BatchListener consumerItBatchListener(EventPipeline pipeline, IdempotentConsumer consumer) {
            return new BatchListener(pipeline, consumer);
        }
    }

    /** Counts deliveries; refuses cases whose id starts with {@code fail-}; records the rest once. */
    static class CountingListener {

        private final EventPipeline pipeline;
        private final EventRoutes routes;

        CountingListener(EventPipeline pipeline, IdempotentConsumer consumer) {
            this.pipeline = pipeline;
            this.routes = EventRoutes.of("CountingListener").on(CaseReported.class, (event, incoming) -> {
                if (event.caseId().startsWith("fail-")) {
                    throw new IllegalStateException("The handler refuses this record");
                }
                consumer.recordOnce(COLLECTION, incoming.eventId(), new Document("caseId", event.caseId()));
            }).build();
        }

        @KafkaListener(topics = TOPIC, groupId = "consumer-it")
        public void on(ConsumerRecord<String, byte[]> record) {
            Listeners.deliveries.merge(record.key(), 1, Integer::sum);
            pipeline.consume(record, routes);
        }
    }

    /**
     * Takes a poll at once; records every event's case once, in bulk or one by one; the bulk write
     * fails if a {@code fail-} case is among them, and the route refuses that case.
     */
    static class BatchListener {

        static final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

        private final EventPipeline pipeline;
        private final IdempotentConsumer consumer;
        private final EventRoutes routes;

        BatchListener(EventPipeline pipeline, IdempotentConsumer consumer) {
            this.pipeline = pipeline;
            this.consumer = consumer;
            this.routes = EventRoutes.of("BatchListener").on(CaseReported.class, (event, incoming) -> {
                if (event.caseId().startsWith("fail-")) {
                    throw new IllegalStateException("The handler refuses this record");
                }
                record(incoming);
            }).build();
        }

        @KafkaListener(topics = BATCH_TOPIC, groupId = "consumer-it-batches", batch = "true",
                properties = {BusyTopicFetch.MIN_BYTES, BusyTopicFetch.MAX_WAIT})
        public void on(List<ConsumerRecord<String, byte[]>> records) {
            records.forEach(record -> deliveries.merge(record.key(), 1, Integer::sum));
            pipeline.consumeBatch(records, routes, events -> {
                if (events.stream().anyMatch(event -> event.envelope().subject().startsWith("fail-"))) {
                    throw new IllegalStateException("The bulk write refuses a record");
                }
                events.forEach(this::record);
            });
        }

        private void record(IncomingEvent incoming) {
            consumer.recordOnce(BATCH_COLLECTION, incoming.eventId(),
                    new Document("caseId", ((CaseReported) incoming.event()).caseId()));
        }
    }
}
