package org.grassroots.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.platform.store.StoreIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, then removes them.
 *
 * <p>A write wakes the relay at once, so events normally leave within milliseconds; a slow poll
 * finds whatever a crash or another instance left. Each document's outbox is claimed with a short
 * lease so that two instances never publish the same aggregate at once, and its events are sent
 * in order with an idempotent producer: per aggregate they arrive in the order they were
 * written. Only the events Kafka acknowledged are removed. While Kafka is unreachable the events
 * stay where they are and the relay backs off; writes go on being accepted.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = OutboxHold.LEASE;
    private static final Bson PENDING = Filters.exists(OutboxMessage.FIELD + ".eventId");

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final OutboxProperties properties;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final StoreIndexes indexes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Counter published;
    private final Timer lag;

    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();

    private volatile boolean running;
    private volatile boolean signalled;
    private volatile boolean fullScanDue = true;
    /** Whether the last full scan met a full batch in some collection, so that more may be pending. */
    private boolean scanLeftMore;
    private long lastFullScan;
    private Thread worker;
    private Duration backoff = Duration.ZERO;
    private boolean outage;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, OutboxProperties properties,
            MeterRegistry meters, StoreIndexes indexes) {
        this.mongo = mongo;
        this.indexes = indexes;
        this.producer = producer;
        this.properties = properties;
        properties.collections().forEach(this::watch);
        this.published = Counter.builder("grassroots.outbox.published")
                .description("Events the outbox relay published to Kafka").register(meters);
        this.lag = Timer.builder("grassroots.outbox.lag")
                .description("Time from an event's occurrence to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    /** Adds a collection to the ones the relay scans. */
    public void watch(String collection) {
        collections.add(collection);
    }

    /**
     * Tells the relay that the document {@code id} of {@code collection} has events to publish now.
     * The relay goes straight to that document by its id instead of scanning the collection, which
     * keeps each write's cost independent of how many documents a collection holds (a store
     * without a usable index on the pending events would otherwise scan them all every time).
     */
    public void wakeUp(String collection, Object id) {
        hints.add(new Hint(collection, id));
        signal();
    }

    /** Tells the relay there is something to publish now, somewhere: it scans every collection. */
    public void wakeUp() {
        fullScanDue = true;
        signal();
    }

    private void signal() {
        signalled = true;
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes what is pending in every collection, once; returns the number of events published. */
    public int relayOnce() {
        hints.clear();
        int count = 0;
        RuntimeException failure = null;
        boolean more = false;
        for (String collection : collections) {
            try {
                List<Object> pending = pendingIn(collection);
                more |= pending.size() >= properties.batchSize();
                count += relay(collection, pending);
            } catch (RuntimeException e) {
                // One collection's stuck event must not hold back the others' events.
                failure = failure == null ? e : failure;
            }
        }
        scanLeftMore = more;
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    /** Publishes the events of the documents the relay was woken for, found by their ids. */
    private int relayHinted() {
        Map<String, Set<Object>> ids = new LinkedHashMap<>();
        for (Hint hint = hints.poll(); hint != null; hint = hints.poll()) {
            ids.computeIfAbsent(hint.collection(), name -> new LinkedHashSet<>()).add(hint.id());
        }
        int count = 0;
        RuntimeException failure = null;
        for (Map.Entry<String, Set<Object>> entry : ids.entrySet()) {
            try {
                count += relay(entry.getKey(), List.copyOf(entry.getValue()));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private List<Object> pendingIn(String name) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        ensureIndex(name, collection);
        List<Object> candidates = new ArrayList<>();
        collection.find(Filters.and(PENDING, leaseFree(Instant.now())))
                .projection(Projections.include("_id"))
                .limit(properties.batchSize())
                .forEach(document -> candidates.add(document.get("_id")));
        return candidates;
    }

    private int relay(String name, List<Object> candidates) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        Instant now = Instant.now();

        Map<Object, List<Send>> sends = new LinkedHashMap<>();
        Date leaseUntil = Date.from(now.plus(properties.lease()));
        ensureIndex(name, collection);
        for (Object id : candidates) {
            Document claimed = claim(collection, id, now, leaseUntil);
            if (claimed == null) {
                continue;
            }
            List<Send> documentSends = new ArrayList<>();
            boolean refused = false;
            for (Document pending : claimed.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                OutboxMessage message = OutboxMessages.fromDocument(pending);
                Future<RecordMetadata> result = send(message);
                documentSends.add(new Send(message, result));
                if (result.isDone() && failed(result)) {
                    refused = true;
                    break;
                }
            }
            sends.put(id, documentSends);
            if (refused) {
                // Kafka is unreachable: every further send would wait out max.block.ms in vain.
                break;
            }
        }

        int count = 0;
        RuntimeException failure = null;
        List<UpdateOneModel<Document>> released = new ArrayList<>(sends.size());
        for (Map.Entry<Object, List<Send>> entry : sends.entrySet()) {
            List<String> acknowledged = new ArrayList<>();
            for (Send send : entry.getValue()) {
                try {
                    send.result().get(properties.lease().toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(send.message().eventId());
                    lag.record(Duration.between(send.message().time(), Instant.now()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while publishing", e);
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    // Later events of this aggregate must not overtake this one: stop here, retry later.
                    failure = new IllegalStateException("Kafka did not acknowledge event "
                            + send.message().eventId() + ": " + rootMessage(e), e);
                    break;
                }
            }
            released.add(new UpdateOneModel<>(Filters.eq("_id", entry.getKey()), Updates.combine(
                    Updates.pull(OutboxMessage.FIELD, Filters.in("eventId", acknowledged)),
                    Updates.unset(LEASE))));
            count += acknowledged.size();
        }
        if (!released.isEmpty()) {
            // One round trip for the whole batch: the published events leave, the leases are given back.
            collection.bulkWrite(released, new BulkWriteOptions().ordered(false));
        }
        published.increment(count);
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private Future<RecordMetadata> send(OutboxMessage message) {
        try {
            return producer.send(record(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean failed(Future<RecordMetadata> result) {
        try {
            result.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * Takes the lease on one document's pending events: null if it has none, or another relay holds
     * the lease. The lease is set only if it is still what was seen (a compare-and-set on the
     * {@code {_id, outboxLease}} pair, which the store answers from its compare-and-set index),
     * so of two relays claiming at once exactly one wins. Nobody holds it most of the time (it is
     * removed after every publication), so the first attempt assumes that and usually is the only
     * round trip; otherwise the lease is read, and taken over only once it has run out.
     */
    private static Document claim(MongoCollection<Document> collection, Object id, Instant now, Date leaseUntil) {
        FindOneAndUpdateOptions returnPending = new FindOneAndUpdateOptions()
                .projection(Projections.include(OutboxMessage.FIELD)).returnDocument(ReturnDocument.AFTER);
        for (int attempt = 0; attempt < 2; attempt++) {
            Document claimed = collection.findOneAndUpdate(new Document("_id", id).append(LEASE, null),
                    Updates.set(LEASE, leaseUntil), returnPending);
            if (claimed != null) {
                return claimed;
            }
            Document current = collection.find(Filters.eq("_id", id)).projection(Projections.include(LEASE)).first();
            if (current == null) {
                return null;
            }
            Date lease = current.getDate(LEASE);
            if (lease == null) {
                // Released in between by a relay that has just published: try again, for what came since.
                continue;
            }
            if (!lease.before(Date.from(now))) {
                return null;
            }
            return collection.findOneAndUpdate(new Document("_id", id).append(LEASE, lease),
                    Updates.set(LEASE, leaseUntil), returnPending);
        }
        return null;
    }

    private static Bson leaseFree(Instant now) {
        return Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, Date.from(now)));
    }

    private void ensureIndex(String name, MongoCollection<Document> collection) {
        if (indexed.add(name)) {
            OutboxIndexes.ofOutbox(name).forEach(indexes::ensure);
        }
    }

    private static ProducerRecord<String, byte[]> record(OutboxMessage message) {
        // The record's timestamp is left to the producer (the time of publishing): the event's own
        // time travels in ce_time, and a timestamp from the event could lie outside what the broker
        // accepts (more than an hour ahead) or make time-based retention drop it at once.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, null,
                message.subject(), message.payload().getBytes(StandardCharsets.UTF_8));
        EventEnvelope envelope = new EventEnvelope(message.eventId(), message.type(), message.source(), message.time(),
                message.subject(), message.correlationId());
        envelope.toHeaders().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void loop() {
        while (running) {
            try {
                int count = relayDue();
                if (outage) {
                    log.info("Kafka is reachable again; the outbox relay resumed");
                    outage = false;
                }
                backoff = Duration.ZERO;
                if (count == 0) {
                    await(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // What was woken for and failed is found again by the next full scan.
                fullScanDue = true;
                backoff = backoff.isZero() ? Duration.ofMillis(200)
                        : min(backoff.multipliedBy(2), properties.maxBackoff());
                if (!outage) {
                    log.warn("Outbox relay cannot publish, events stay pending and are retried: {}", rootMessage(e));
                    outage = true;
                }
                await(backoff);
            }
        }
    }

    /**
     * A full scan when one is due (at start, after a failure, when woken without a document, or
     * a poll interval after the last one: events left by a crash or another instance), otherwise
     * only the documents the relay was woken for.
     */
    private int relayDue() {
        long now = System.nanoTime();
        if (fullScanDue || now - lastFullScan >= properties.pollInterval().toNanos()) {
            fullScanDue = false;
            lastFullScan = now;
            int count = relayOnce();
            // A full batch may have left more behind. (Not "found anything": under steady writes a
            // scan always finds the newest documents, and scans would follow each other for good.)
            fullScanDue = scanLeftMore;
            return count;
        }
        return relayHinted();
    }

    private void await(Duration duration) {
        lock.lock();
        try {
            if (!signalled && running) {
                wake.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops the worker but keeps the producer: a stopped relay may be started again (Spring pauses
     * and resumes the lifecycle of a cached test context, for one), and must then publish as
     * before. The producer is closed once, when the bean is destroyed.
     */
    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.lease().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        stop();
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Send(OutboxMessage message, Future<RecordMetadata> result) {
    }

    private record Hint(String collection, Object id) {
    }
}
