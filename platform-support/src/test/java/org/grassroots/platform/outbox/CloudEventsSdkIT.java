package org.grassroots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.grassroots.contracts.ContractFixtures;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.Topics;
import org.grassroots.platform.correlation.CorrelationId;
import org.grassroots.platform.testapp.Parcel;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * A department system reads our events with the official CloudEvents SDK ({@code cloudevents-kafka}), not
 * with our contracts: every event type, written by the outbox relay to the real broker, must come out of
 * the SDK's deserializer as a CloudEvent 1.0 with its id, source, type, subject, time, data content type,
 * correlation extension and data. If the hand-written envelope strayed from the Kafka protocol binding, the
 * SDK would refuse the record or read it in structured mode, and this fails.
 */
@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class CloudEventsSdkIT {

    private static final String SOURCE = "/grassroots/platform-support-test";

    @Autowired
    AggregateStore store;

    @Autowired
    EventCodec codec;

    @Test
    void givenEveryEventTypeRelayedToTheBroker_whenReadWithTheCloudEventsSdk_thenEachIsACompleteCloudEvent() {
        // One correlation id for this run: the topics also hold other tests' events, and the SDK reads it back
        // as the extension "correlationid", so it picks out exactly the records written here.
        String run = "sdk-" + UUID.randomUUID();
        Map<String, IntegrationEvent> published = new HashMap<>();
        CorrelationId.runWith(run, () -> EventCatalog.types().forEach(type -> {
            IntegrationEvent event = codec.read(type, ContractFixtures.json(type));
            store.insert(new Parcel(UUID.randomUUID().toString(), 1, type, null), List.of(event));
            published.put(type, event);
        }));

        Map<String, ConsumerRecord<String, CloudEvent>> received = readAsADepartmentSystem(run, published.size());

        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.types());
        received.forEach((type, record) -> {
            CloudEvent event = record.value();
            IntegrationEvent expected = published.get(type);
            assertThat(event.getSpecVersion()).as(type).isEqualTo(SpecVersion.V1);
            assertThat(UUID.fromString(event.getId())).as("%s: id", type).isNotNull();
            assertThat(event.getSource()).as("%s: source", type).isEqualTo(URI.create(SOURCE));
            assertThat(event.getType()).as("%s: type", type).isEqualTo(type);
            assertThat(event.getSubject()).as("%s: subject = key = aggregate id", type)
                    .isEqualTo(expected.subject()).isEqualTo(record.key());
            assertThat(event.getTime()).as("%s: time", type).isNotNull();
            assertThat(event.getTime().toInstant()).as("%s: time", type).isEqualTo(expected.occurredAt());
            assertThat(event.getDataContentType()).as("%s: data content type", type).isEqualTo("application/json");
            assertThat(event.getExtension("correlationid")).as("%s: correlation extension", type).isEqualTo(run);
            assertThat(event.getData()).as("%s: data", type).isNotNull();
            assertThat(codec.read(type, event.getData().toBytes())).as("%s: data is the event's JSON", type).isEqualTo(expected);
            assertThat(record.topic()).as(type).isEqualTo(EventCatalog.topicOf(expected.getClass()));
        });
        assertThat(received.values()).extracting(record -> record.value().getId()).doesNotHaveDuplicates();
    }

    /** A plain Kafka consumer with the SDK's deserializer and a group of its own, as in docs/department-integration.md. */
    private static Map<String, ConsumerRecord<String, CloudEvent>> readAsADepartmentSystem(String run, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dept-sdk-it-" + run);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, ConsumerRecord<String, CloudEvent>> received = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(Topics.ALL);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        unreadable.add(record.topic() + "@" + record.offset());
                    } else if (run.equals(record.value().getExtension("correlationid"))) {
                        received.put(record.value().getType(), record);
                    }
                }
                return received.size() >= expected;
            });
        }
        assertThat(unreadable).as("records the SDK could not read").isEmpty();
        return received;
    }
}
