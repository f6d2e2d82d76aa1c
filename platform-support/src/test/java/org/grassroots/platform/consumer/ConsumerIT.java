package org.grassroots.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.grassroots.contracts.EventCodec;
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

    private ProducerRecord<String, byte[]> record(String eventId, String caseId, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, caseId, payload);
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
}
