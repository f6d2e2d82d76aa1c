package org.grassroots.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.grassroots.platform.outbox.OutboxPublisher.Candidate;
import org.grassroots.platform.outbox.OutboxPublisher.Leftovers;
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
 * <p>A write hands its outbox to the relay at once, with the relay's lease taken in the same write
 * ({@link AggregateStore}), so events normally leave within milliseconds and without a claim; a write
 * that met the lease held names its document instead, and the relay claims it once the lease is
 * given back. A slow poll (a scan of every collection) finds whatever a crash or another instance
 * left; it never holds back what the relay was told of. While Kafka is unreachable the events stay where
 * they are and the relay backs off; writes go on being accepted.
 *
 * <p>Three parts: this class is the loop (what to look at when, and the back-off);
 * {@link OutboxClaims} finds pending documents and claims each one's outbox with a lease;
 * {@link OutboxPublisher} sends a claimed outbox to Kafka in order and removes what was acknowledged.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);
    private static final Leftovers IGNORED = new Leftovers() {
        @Override
        public void unclaimed(String collection, Object id) {
            // A scan's document another relay took since: that relay publishes it.
        }

        @Override
        public void unreached(String collection, Candidate candidate) {
            // Found again by the scan after the failure.
        }
    };

    private final OutboxClaims claims;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    /** Claims to try again, soonest first, and by document; the worker thread's alone. */
    private final PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparingLong(Retry::due));
    private final Map<Key, Retry> retrying = new HashMap<>();
    private final Leftovers leftovers = new Leftovers() {
        @Override
        public void unclaimed(String collection, Object id) {
            retryLater(collection, id);
        }

        @Override
        public void unreached(String collection, Candidate candidate) {
            hints.add(new Hint(collection, candidate));
        }
    };
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
        hints.add(new Hint(collection, Candidate.byId(id)));
        signal();
    }

    /** Tells the relay there is something to publish now, somewhere: it scans every collection. */
    public void wakeUp() {
        fullScanDue = true;
        signal();
    }

    /** The lease field's value the store writes with a change, for this relay, from {@code now}. */
    Document holding(Instant now) {
        return claims.holding(now);
    }

    /**
     * Hands the relay a document whose write took this relay's lease at {@code leasedAt}, with the
     * outbox the write left: the relay sends it without claiming or reading the document.
     */
    void handOff(String collection, Object id, Instant leasedAt, List<OutboxMessage> outbox) {
        hints.add(new Hint(collection, new Candidate(id, leasedAt, List.copyOf(outbox))));
        signal();
    }

    /**
     * Publishes what is pending in every collection, once; returns the number of events published.
     * What the relay was told of by id stays to be published by id.
     */
    public int relayOnce() {
        int count = 0;
        RuntimeException failure = null;
        boolean more = false;
        for (String collection : collections) {
            try {
                List<Object> pending = claims.pendingIn(collection);
                more |= claims.full(pending.size());
                count += publisher.publish(collection, pending.stream().map(Candidate::byId).toList(), IGNORED);
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

    /**
     * Publishes the documents the relay was told of (handed over by the store's write, or named by
     * id) and those whose claim is due again. Per document one candidate a round: a handed-over
     * outbox wins over an id (it holds every event the write left), and an id told besides is looked
     * at again next round, after this round gave the lease back.
     */
    private int relayHinted() {
        Map<String, Map<Object, Candidate>> round = new LinkedHashMap<>();
        List<Hint> nextRound = new ArrayList<>();
        long now = System.nanoTime();
        for (Retry retry = retries.peek(); retry != null && retry.due() <= now; retry = retries.peek()) {
            retries.poll();
            add(round, nextRound, new Hint(retry.key().collection(), Candidate.byId(retry.key().id())));
        }
        for (Hint hint = hints.poll(); hint != null; hint = hints.poll()) {
            add(round, nextRound, hint);
        }
        int count = 0;
        RuntimeException failure = null;
        try {
            for (Map.Entry<String, Map<Object, Candidate>> entry : round.entrySet()) {
                try {
                    count += publisher.publish(entry.getKey(), new ArrayList<>(entry.getValue().values()), leftovers);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            hints.addAll(nextRound);
        }
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private static void add(Map<String, Map<Object, Candidate>> round, List<Hint> nextRound, Hint hint) {
        Map<Object, Candidate> documents = round.computeIfAbsent(hint.collection(), name -> new LinkedHashMap<>());
        Candidate earlier = documents.get(hint.candidate().id());
        if (earlier == null) {
            documents.put(hint.candidate().id(), hint.candidate());
        } else if (hint.candidate().handedOver()) {
            documents.put(hint.candidate().id(), hint.candidate());
            if (!earlier.handedOver()) {
                nextRound.add(new Hint(hint.collection(), earlier));
            }
        } else if (earlier.handedOver()) {
            nextRound.add(hint);
        }
    }

    /** A document whose lease someone else holds is looked at again, sooner at first, until its lease must have run out. */
    private void retryLater(String collection, Object id) {
        Key key = new Key(collection, id);
        long now = System.nanoTime();
        long stale = 2 * LAST_RETRY.toNanos();
        if (retrying.size() > 1_000) {
            retrying.values().removeIf(retry -> now - retry.due() > stale);
        }
        Retry earlier = retrying.get(key);
        if (earlier != null && now - earlier.due() > stale) {
            // From an earlier time the lease was held: this is a new one.
            earlier = null;
        }
        Duration delay = earlier == null ? FIRST_RETRY : min(earlier.delay().multipliedBy(2), LAST_RETRY);
        long giveUp = earlier == null ? now + properties.lease().plus(LAST_RETRY).toNanos() : earlier.giveUp();
        if (now >= giveUp) {
            // Left to the next full scan.
            retrying.remove(key);
            return;
        }
        Retry retry = new Retry(key, now + delay.toNanos(), delay, giveUp);
        retrying.put(key, retry);
        retries.add(retry);
    }

    /**
     * Scans when one is due (at start, after a failure, when woken without a document, after a scan
     * that met a full batch, or a poll interval after the last one: events left by a crash or
     * another instance), after the documents the relay was told of, which never wait for a scan.
     */
    private int relayDue() {
        int count = relayHinted();
        long now = System.nanoTime();
        if (fullScanDue || now - lastFullScan >= properties.pollInterval().toNanos()) {
            fullScanDue = false;
            lastFullScan = now;
            count += relayOnce();
            // A full batch may have left more behind. (Not "found anything": under steady writes a
            // scan always finds the newest documents, and scans would follow each other for good.)
            fullScanDue = scanLeftMore;
        }
        return count;
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
                if (count == 0 && hints.isEmpty()) {
                    await(untilNextLook());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // What was claimed and failed is given back and found again by the next full scan;
                // what the relay holds from a write and did not reach stays told.
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

    /** Until the next scan is due, or the next claim to try again, whichever comes first. */
    private Duration untilNextLook() {
        long now = System.nanoTime();
        long next = lastFullScan + properties.pollInterval().toNanos();
        Retry retry = retries.peek();
        if (retry != null) {
            next = Math.min(next, retry.due());
        }
        return Duration.ofNanos(Math.max(next - now, 1_000_000L));
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

    private record Hint(String collection, Candidate candidate) {
    }

    private record Key(String collection, Object id) {
    }

    private record Retry(Key key, long due, Duration delay, long giveUp) {
    }
}
