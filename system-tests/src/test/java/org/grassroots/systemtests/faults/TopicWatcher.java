package org.grassroots.systemtests.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An outside consumer that follows a topic from its beginning for the whole suite, through every
 * broker crash, and notes when each record arrived: a department system's view of the topic.
 */
final class TopicWatcher implements AutoCloseable {

    record Arrival(String key, Long version, String eventId, String type, int partition, long offset, Instant at) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatcher(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-watcher-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "fault-watcher-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant now = Instant.now();
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    Long version = null;
                    try {
                        var node = Api.JSON.readTree(value);
                        if (node != null && node.has("aggregateVersion")) {
                            version = node.get("aggregateVersion").asLong();
                        }
                    } catch (RuntimeException e) {
                        // not an event of an aggregate
                    }
                    var id = record.headers().lastHeader("ce_id");
                    var type = record.headers().lastHeader("ce_type");
                    Arrival arrival = new Arrival(record.key(), version,
                            id == null ? null : new String(id.value(), StandardCharsets.UTF_8),
                            type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                            record.partition(), record.offset(), now);
                    synchronized (arrivals) {
                        arrivals.add(arrival);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
