package org.grassroots.testsupport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * How every broker this module starts is set up, embedded or in a container, so that the shared
 * broker and the restartable one behave alike.
 */
final class KafkaBrokers {

    static final String CONTAINER_IMAGE = "apache/kafka-native:4.1.1";

    static final int PARTITIONS = 3;

    /** The platform's topics (one per producing service) and their dead-letter topics. */
    static final List<String> TOPICS = Stream.of(
                    "case-events", "grid-events", "org-events", "volunteer-events", "evaluation-events")
            .flatMap(topic -> Stream.of(topic, topic + ".DLT"))
            .toList();

    /**
     * System properties that {@link EmbeddedKafkaKraftBroker} sets on start. They are put back
     * afterwards: a JVM-global {@code spring.kafka.bootstrap-servers} would silently point every
     * Spring context at whichever broker started last.
     */
    private static final List<String> PROPERTIES_SET_BY_EMBEDDED_BROKER = List.of(
            "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private KafkaBrokers() {
    }

    static Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auto.create.topics.enable", "true");
        // A single broker cannot hold the default three replicas of the internal topics; the
        // transaction log ones matter for transactional producers.
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("num.partitions", String.valueOf(PARTITIONS));
        return properties;
    }

    /** Starts a one-node KRaft broker in this JVM with the platform's topics created. */
    static EmbeddedKafkaKraftBroker startEmbedded(Map<String, String> extraBrokerProperties) {
        Map<String, String> properties = new HashMap<>(brokerProperties());
        properties.putAll(extraBrokerProperties);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPICS.toArray(String[]::new));
        broker.brokerProperties(properties);

        Map<String, String> before = new HashMap<>();
        PROPERTIES_SET_BY_EMBEDDED_BROKER.forEach(name -> before.put(name, System.getProperty(name)));
        try {
            broker.afterPropertiesSet();
        }
        finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                }
                else {
                    System.setProperty(name, value);
                }
            });
        }
        return broker;
    }

    /** A Kafka container set up like the embedded broker; not started yet. */
    @SuppressWarnings("resource") // the caller owns and stops the container
    static KafkaContainer newContainer() {
        return new KafkaContainer(CONTAINER_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS))
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    }

    /** Creates the platform's topics on a broker that does not have them yet (the container). */
    static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = TOPICS.stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            admin.createTopics(topics).values().forEach((name, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, ex.getCause());
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topic " + name, ex);
                }
                catch (TimeoutException ex) {
                    throw new IllegalStateException("Timed out creating topic " + name, ex);
                }
            });
        }
    }
}
