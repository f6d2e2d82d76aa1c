package org.grassroots.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartableKafkaIT {

    @Test
    void givenAKafkaOutage_whenItRestartsOnTheSameAddress_thenTheProducerDeliversAcrossItAndNothingIsLost() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        try (RestartableKafka kafka = RestartableKafka.start();
                KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            String address = kafka.bootstrapServers();
            producer.send(new ProducerRecord<>("case-events", caseId, "before")).get(30, TimeUnit.SECONDS);

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThatThrownBy(() -> describeCluster(address)).hasRootCauseInstanceOf(
                    org.apache.kafka.common.errors.TimeoutException.class);

            kafka.restart();
            producer.send(new ProducerRecord<>("case-events", caseId, "after")).get(60, TimeUnit.SECONDS);

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            try (TopicProbe probe = TopicProbe.listen(kafka.bootstrapServers(), "case-events")) {
                assertThat(probe.awaitRecords(r -> caseId.equals(r.key()), 1, Duration.ofSeconds(20)))
                        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .containsExactly("before", "after");
            }
        }
    }

    @Test
    void givenARestartableKafka_thenItIsABrokerOfItsOwn() {
        try (RestartableKafka kafka = RestartableKafka.start()) {
            assertThat(kafka.bootstrapServers()).isNotEqualTo(PlatformInfrastructure.kafkaBootstrapServers());
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static void describeCluster(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).clusterId().get();
        }
    }
}
