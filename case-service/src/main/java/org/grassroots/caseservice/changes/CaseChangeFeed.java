package org.grassroots.caseservice.changes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.Topics;
import org.grassroots.caseservice.changes.web.ChangeStreams;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.platform.consumer.BusyTopicFetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows {@code case-events} for this instance's streams. Every instance reads every event, so a
 * console gets its changes whichever instance its stream is open on: each instance joins a consumer
 * group of its own ({@code case-service-changes-<random>}), starts at the latest offset (a stream
 * reports what happens from now on; the console reads its lists when it connects) and commits
 * nothing, so the group leaves no offsets behind when the instance goes. The case-service
 * instances' shared group, which the other listeners use, would hand each event to one instance only.
 *
 * <p>While no stream is open on this instance the feed fetches nothing: it pauses its partitions.
 * Fetching every event only to drop it cost case-service about 5 ms of CPU a second when idle and
 * 2.5 % of its CPU under intake, and the broker a fetch every 50 ms (docs/benchmarks.md, round 38).
 * The first stream to open wakes the feed, which goes back to the first event stamped from
 * {@link #RESUME_MARGIN} before that stream opened, so what happens after a stream opens reaches it.
 *
 * <p>This is a notification, not a consumer that changes anything: an event it cannot read is
 * skipped with a warning (the platform's dead-letter handling belongs to the consumers that act).
 */
@Component
class CaseChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseChangeFeed.class);

    /**
     * How far before the first stream opened the feed starts again after a pause. An event is stamped
     * when an instance's relay sends it, after the change was stored; one sent by an instance whose
     * clock runs a little behind is still told. An event told twice only makes a console look again.
     */
    static final Duration RESUME_MARGIN = Duration.ofSeconds(2);

    /** The longest the feed waits for the broker to say where to start again; it tries again after. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerFactory<String, byte[]> consumers;
    private final EventCodec codec;
    private final ChangeStreams streams;
    private final CaseChangesProperties properties;
    private final MongoTemplate mongo;
    private final String groupId = "case-service-changes-" + UUID.randomUUID();
    private volatile boolean running;
    private volatile boolean ready;
    private volatile boolean fetching;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    @SuppressWarnings("unchecked")
    CaseChangeFeed(ConsumerFactory<?, ?> consumers, EventCodec codec, ChangeStreams streams,
            CaseChangesProperties properties, MongoTemplate mongo) {
        this.mongo = mongo;
        // The platform's consumers read String keys and byte[] values (grassroots-defaults.properties).
        this.consumers = (ConsumerFactory<String, byte[]>) consumers;
        this.codec = codec;
        this.streams = streams;
        this.properties = properties;
    }

    /** Whether the feed has its partitions and knows where "latest" is: changes from now on will arrive. */
    boolean isReady() {
        return ready;
    }

    /** Whether the feed is fetching events (a stream is open here) rather than paused. */
    boolean isFetching() {
        return fetching;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::follow, "case-changes-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Under load Kafka's defaults (answer once 1 byte is there) made this feed fetch about one event at
        // a time, every event read by every instance: 7 % of case-service's CPU with no console open
        // (docs/benchmarks.md, round 18). Waiting up to 50 ms for a batch is nothing to a person at a console.
        overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(BusyTopicFetch.BATCH_BYTES));
        overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        try (Consumer<String, byte[]> following = consumers.createConsumer(groupId, null, null, overrides)) {
            consumer = following;
            following.subscribe(List.of(Topics.CASE_EVENTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    ready = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Asking for the positions fixes "latest" now, not at the first record.
                    partitions.forEach(following::position);
                    ready = true;
                }
            });
            streams.onFirstStream(following::wakeup);
            while (running) {
                try {
                    fetchOnlyWhileWatched(following);
                    for (ConsumerRecord<String, byte[]> record : following.poll(Duration.ofSeconds(1))) {
                        tell(record);
                    }
                } catch (WakeupException stopping) {
                    // stop() wakes the poll up; the loop ends on running.
                } catch (RuntimeException failure) {
                    log.warn("Following case-events failed ({}); trying again", failure.getClass().getSimpleName());
                }
            }
        } catch (RuntimeException failure) {
            log.error("The case-change feed stopped: {}", failure.getMessage());
        } finally {
            streams.onFirstStream(() -> { });
            ready = false;
            fetching = false;
        }
    }

    /** Pauses the partitions while no stream is open; resumes them, a little before the first opened, when one is. */
    private void fetchOnlyWhileWatched(Consumer<String, byte[]> following) {
        Instant watchedSince = streams.watchedSince();
        if (watchedSince == null) {
            Set<TopicPartition> assigned = following.assignment();
            if (following.paused().size() < assigned.size()) {
                following.pause(assigned);
            }
            fetching = false;
            return;
        }
        Set<TopicPartition> paused = following.paused();
        if (!paused.isEmpty()) {
            // The ends are read first: a partition with no event stamped since then starts at the end
            // it had before the lookup, so nothing appended during the lookup is missed.
            Map<TopicPartition, Long> ends = following.endOffsets(paused, LOOKUP_TIMEOUT);
            long from = watchedSince.minus(RESUME_MARGIN).toEpochMilli();
            Map<TopicPartition, Long> stamps = new HashMap<>();
            paused.forEach(partition -> stamps.put(partition, from));
            Map<TopicPartition, OffsetAndTimestamp> found = following.offsetsForTimes(stamps, LOOKUP_TIMEOUT);
            for (TopicPartition partition : paused) {
                OffsetAndTimestamp first = found.get(partition);
                following.seek(partition, first != null ? first.offset() : ends.get(partition));
            }
            following.resume(paused);
        }
        fetching = true;
    }

    private void tell(ConsumerRecord<String, byte[]> record) {
        if (!streams.hasStreams()) {
            return;
        }
        String type = header(record, CloudEventHeaders.TYPE);
        Class<? extends IntegrationEvent> eventClass = type == null ? null : EventCatalog.find(type).orElse(null);
        if (eventClass == null || !CaseEvent.class.isAssignableFrom(eventClass)) {
            return;
        }
        try {
            CaseEvent event = (CaseEvent) codec.read(type, record.value());
            CaseAudience audience = new CaseAudience(event, this::stored);
            streams.publish(CaseChange.of(event), header(record, CloudEventHeaders.ID), audience::includes);
        } catch (RuntimeException unreadable) {
            log.warn("Skipped {}-{}@{} for the case-change streams: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
        }
    }

    /** The reporter and departments of a case, read only when a stream's caller needs them. */
    private CaseAudience.Stored stored(String caseId) {
        Query byId = Query.query(Criteria.where("_id").is(caseId));
        byId.fields().include("reporterId", "departmentIds");
        CaseAudience.Stored found = mongo.findOne(byId, CaseAudience.Stored.class, "cases");
        return found == null ? CaseAudience.Stored.NONE : found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> following = consumer;
        if (following != null) {
            following.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
