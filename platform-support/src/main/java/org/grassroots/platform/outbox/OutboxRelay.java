package org.grassroots.platform.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.Producer;
import org.grassroots.platform.store.StoreIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events waiting in aggregates' outboxes to Kafka, then removes them.
 *
 * <p>A write wakes the relay at once, so events normally leave within milliseconds; a slow poll
 * finds whatever a crash or another instance left. While Kafka is unreachable the events stay where
 * they are and the relay backs off; writes go on being accepted.
 *
 * <p>Three parts: this class is the loop (what to look at when, and the back-off);
 * {@link OutboxClaims} finds pending documents and claims each one's outbox with a lease;
 * {@link OutboxPublisher} sends a claimed outbox to Kafka in order and removes what was acknowledged.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxClaims claims;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();

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
        this.properties = properties;
        this.claims = new OutboxClaims(mongo, indexes, properties);
        this.publisher = new OutboxPublisher(claims, producer, properties, meters);
        properties.collections().forEach(this::watch);
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

    /** Publishes what is pending in every collection, once; returns the number of events published. */
    public int relayOnce() {
        hints.clear();
        int count = 0;
        RuntimeException failure = null;
        boolean more = false;
        for (String collection : collections) {
            try {
                List<Object> pending = claims.pendingIn(collection);
                more |= claims.full(pending.size());
                count += publisher.publish(collection, pending);
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
                count += publisher.publish(entry.getKey(), List.copyOf(entry.getValue()));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return count;
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

    private void signal() {
        signalled = true;
        lock.lock();
        try {
            wake.signal();
        } finally {
            lock.unlock();
        }
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

    static String rootMessage(Throwable e) {
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
        publisher.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Hint(String collection, Object id) {
    }
}
