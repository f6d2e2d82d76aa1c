package org.grassroots.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedKafkaIT {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void givenTheSharedKafka_whenAskedForItsAddressTwice_thenOneBrokerServesTheWholeJvm() {
        assertThat(PlatformInfrastructure.kafkaBootstrapServers()).isSameAs(PlatformInfrastructure.kafkaBootstrapServers());
    }

    @Test
    void givenTheSharedBroker_thenThePlatformTopicsAndTheirDeadLetterTopicsExistWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaBrokers.TOPICS).allTopicNames().get();

            assertThat(topics.keySet()).contains("case-events", "case-events.DLT", "evaluation-events.DLT");
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void givenAProbeOnATopic_whenARecordIsSent_thenItReachesTheProbeWithItsHeaders() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "case-events")) {
            ProducerRecord<String, String> record = new ProducerRecord<>("case-events", caseId, "{\"state\":\"DISPATCHED\"}");
            record.headers().add("ce_type", "org.grassroots.case.dispatched".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();

            List<ConsumerRecord<String, byte[]>> received =
                    probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20));

            assertThat(received).hasSize(1);
            assertThat(TopicProbe.header(received.get(0), "ce_type")).isEqualTo("org.grassroots.case.dispatched");
            assertThat(TopicProbe.header(received.get(0), "ce_id")).isNull();
            assertThat(new String(received.get(0).value(), StandardCharsets.UTF_8)).contains("DISPATCHED");
        }
    }

    @Test
    void givenRecordsSentToATopic_whenDrained_thenEverythingIsReturnedOnceTheTopicGoesQuiet() throws Exception {
        String gridId = "grid-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "grid-events")) {
            producer.send(new ProducerRecord<>("grid-events", gridId, "first")).get();
            producer.send(new ProducerRecord<>("grid-events", gridId, "second")).get();

            List<ConsumerRecord<String, byte[]>> drained = probe.drain(Duration.ofSeconds(2));

            assertThat(drained).filteredOn(r -> gridId.equals(r.key()))
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("first", "second");
        }
    }

    @Test
    void givenRecordsThatNeverCome_whenAwaited_thenItFailsListingWhatArrived() throws Exception {
        String orgId = "org-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "org-events")) {
            producer.send(new ProducerRecord<>("org-events", orgId, "created")).get();

            assertThatThrownBy(() -> probe.awaitRecords(r -> "never".equals(r.key()), 1, Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but 0 matched")
                    .hasMessageContaining("key=" + orgId);
        }
    }

    @Test
    void givenTheSingleBroker_whenATransactionalProducerSends_thenItCommits() throws Exception {
        String memberId = "member-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "volunteer-events");
                KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + memberId,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>("volunteer-events", memberId, "points-earned"));
            transactional.commitTransaction();

            assertThat(probe.awaitRecords(r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }
}
