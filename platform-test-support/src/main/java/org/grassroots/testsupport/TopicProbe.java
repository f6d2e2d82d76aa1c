package org.grassroots.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer outside the service under test, for asserting on what the service published.
 *
 * <p>It joins a fresh consumer group and reads the topic from the beginning, so it sees every
 * record on the topic, including those of earlier tests on the shared broker: match on your own
 * ids. Everything it has received since {@link #listen} is kept; {@link #awaitRecords} and
 * {@link #drain} both look at all of it.
 *
 * <pre>{@code
 * try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), "case-events")) {
 *     // ... act ...
 *     var dispatched = probe.awaitRecords(
 *             r -> caseId.equals(r.key()) && "org.grassroots.case.dispatched".equals(TopicProbe.header(r, "ce_type")),
 *             1, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Not thread-safe: use it from the test's thread.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** Bounds {@link #drain}: a producer stuck in a loop must fail the test, not hang it. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private static final int VALUE_PREVIEW_CHARS = 200;

    private final String topic;

    private final KafkaConsumer<String, byte[]> consumer;

    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private TopicProbe(String topic, KafkaConsumer<String, byte[]> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /**
     * Subscribes to {@code topic} and returns once partitions are assigned, so the probe is
     * reading before the test acts.
     */
    public static TopicProbe listen(String bootstrapServers, String topic) {
        String groupId = "topic-probe-" + UUID.randomUUID();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        TopicProbe probe = new TopicProbe(topic, consumer);
        try {
            consumer.subscribe(List.of(topic));
            probe.awaitAssignment();
        }
        catch (RuntimeException | Error ex) {
            consumer.close(Duration.ZERO);
            throw ex;
        }
        return probe;
    }

    /**
     * Waits until at least {@code count} received records match and returns all matching ones
     * (in arrival order; more than {@code count} if more matched).
     *
     * @throws AssertionError if fewer than {@code count} match within {@code timeout}, listing
     *         every record the probe received
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(
            Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> matching = matching(match);
        while (matching.size() < count && System.nanoTime() < deadline) {
            pollOnce();
            matching = matching(match);
        }
        if (matching.size() < count) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + " but " + matching.size() + " matched; received " + describe(received));
        }
        return matching;
    }

    /**
     * Keeps reading until {@code quiet} passes without a new record, then returns everything
     * received since {@link #listen}: for asserting that something was published once and only once.
     */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long started = System.nanoTime();
        long lastArrival = System.nanoTime();
        while (System.nanoTime() - lastArrival < quiet.toNanos()) {
            if (System.nanoTime() - started > DRAIN_LIMIT.toNanos()) {
                throw new AssertionError("Records kept arriving on " + topic + " for " + DRAIN_LIMIT
                        + " without a quiet period of " + quiet + "; received " + received.size() + " record(s)");
            }
            if (pollOnce() > 0) {
                lastArrival = System.nanoTime();
            }
        }
        return List.copyOf(received);
    }

    /** The last value of header {@code name} as UTF-8 text, or {@code null} if the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private void awaitAssignment() {
        long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
        while (consumer.assignment().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No partition of " + topic + " was assigned to the probe within "
                        + ASSIGNMENT_TIMEOUT + "; is the broker running?");
            }
            pollOnce();
        }
    }

    private int pollOnce() {
        int before = received.size();
        consumer.poll(POLL_INTERVAL).forEach(received::add);
        return received.size() - before;
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match) {
        return received.stream().filter(match).toList();
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return "nothing";
        }
        return records.size() + " record(s):" + records.stream()
                .map(TopicProbe::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        StringBuilder text = new StringBuilder()
                .append(record.topic()).append('-').append(record.partition()).append('@').append(record.offset())
                .append(" key=").append(record.key());
        for (Header header : record.headers()) {
            text.append(' ').append(header.key()).append('=')
                    .append(header.value() == null ? "null" : new String(header.value(), StandardCharsets.UTF_8));
        }
        text.append(" value=");
        if (record.value() == null) {
            text.append("null");
        }
        else {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            text.append(value.length() > VALUE_PREVIEW_CHARS ? value.substring(0, VALUE_PREVIEW_CHARS) + "…" : value);
        }
        return text.toString();
    }
}
