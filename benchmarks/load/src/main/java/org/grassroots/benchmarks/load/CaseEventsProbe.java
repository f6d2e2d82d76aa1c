package org.grassroots.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer outside the platform, as any new subscriber would be: a consumer group of its own on
 * {@code case-events}, joined at the end of the topic, handing each record to {@code onRecord} on its
 * own thread. {@link #open} returns once its partitions are assigned and their end is fixed, so
 * everything sent after that is seen.
 */
final class CaseEventsProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Thread polling;
    private volatile boolean stop;
    private volatile boolean assigned;

    private CaseEventsProbe(String bootstrapServers, String groupPrefix, Consumer<ConsumerRecord<String, byte[]>> onRecord) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.onRecord = onRecord;
        this.polling = new Thread(this::poll, "case-events-consumer");
        this.polling.setDaemon(true);
    }

    static CaseEventsProbe open(String bootstrapServers, String groupPrefix,
            Consumer<ConsumerRecord<String, byte[]>> onRecord) throws InterruptedException {
        CaseEventsProbe probe = new CaseEventsProbe(bootstrapServers, groupPrefix, onRecord);
        probe.polling.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!probe.assigned) {
            if (System.nanoTime() > deadline) {
                probe.close();
                throw new IllegalStateException("no partition of case-events assigned within 60 s");
            }
            Thread.sleep(50);
        }
        return probe;
    }

    /** A CloudEvents header of the record ({@code ce_type}, {@code ce_id}), or null. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void poll() {
        try {
            consumer.subscribe(List.of("case-events"));
            while (!stop) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    onRecord.accept(record);
                }
                if (!assigned && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position); // the end of the topic, fixed now
                    assigned = true;
                }
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        polling.join(5_000);
    }
}
