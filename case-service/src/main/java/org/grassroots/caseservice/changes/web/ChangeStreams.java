package org.grassroots.caseservice.changes.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.function.Predicate;

import org.grassroots.caseservice.changes.CaseChange;
import org.grassroots.caseservice.changes.CaseChangesProperties;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open case-change streams of this instance. Each stream has a queue of its own and is written
 * by a sender thread of its own while it has something to send, so a slow client delays nobody
 * else; one that falls {@code queue} changes behind is closed and reconnects. An idle stream gets a
 * heartbeat comment. At most {@code maxStreams} are open at once. Streams close when the caller's
 * token expires or after {@code maxLifetime}, and all of them when the instance stops, so a graceful
 * shutdown is not held up by them.
 */
@Component
public class ChangeStreams implements SmartLifecycle, DisposableBean {

    static final String EVENT_NAME = "case-changed";
    private static final Logger log = LoggerFactory.getLogger(ChangeStreams.class);
    private static final long RECONNECT_MILLIS = 5_000;

    private final CaseChangesProperties properties;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final ExecutorService senders;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private volatile ScheduledFuture<?> beating;
    private volatile Instant watchedSince;
    private volatile Runnable onFirstStream = () -> { };

    ChangeStreams(CaseChangesProperties properties) {
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        // At most one sender per open stream at a time, so the streams bound the threads.
        this.senders = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "case-changes-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "case-changes-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Thrown when this instance already serves as many streams as it may. */
    static final class TooManyStreams extends RuntimeException {

        TooManyStreams() {
            super(null, null, false, false);
        }
    }

    /**
     * A new stream for {@code caller}, open until the token expires at {@code tokenExpiresAt} (if
     * known) or {@code maxLifetime} has passed.
     */
    SseEmitter open(Caller caller, Instant tokenExpiresAt, Instant now) {
        if (reserved.incrementAndGet() > properties.maxStreams()) {
            reserved.decrementAndGet();
            throw new TooManyStreams();
        }
        Duration lifetime = properties.maxLifetime();
        if (tokenExpiresAt != null && Duration.between(now, tokenExpiresAt).compareTo(lifetime) < 0) {
            lifetime = Duration.between(now, tokenExpiresAt);
        }
        SseEmitter emitter = new SseEmitter(Math.max(1_000, lifetime.toMillis()));
        Stream stream = new Stream(caller, emitter, new ArrayBlockingQueue<>(properties.queue()));
        boolean first = open.isEmpty();
        if (first) {
            watchedSince = now;
        }
        open.add(stream);
        if (first) {
            onFirstStream.run();
        }
        emitter.onCompletion(stream::forget);
        emitter.onTimeout(stream::close);
        emitter.onError(failure -> stream.close());
        stream.offer(Message.CONNECTED);
        return emitter;
    }

    public int openStreams() {
        return open.size();
    }

    public boolean hasStreams() {
        return !open.isEmpty();
    }

    /**
     * Since when streams have been open here without a break: no later than the moment the oldest
     * open stream opened. Null while none is open.
     */
    public Instant watchedSince() {
        return open.isEmpty() ? null : watchedSince;
    }

    /** Runs {@code wake} each time a stream opens where none was (on the opening request's thread). */
    public void onFirstStream(Runnable wake) {
        this.onFirstStream = wake;
    }

    /** Tells every stream whose caller is in {@code audience} about {@code change} ({@code eventId} is its SSE id). */
    public void publish(CaseChange change, String eventId, Predicate<Caller> audience) {
        for (Stream stream : open) {
            if (audience.test(stream.caller)) {
                stream.offer(new Message(change, eventId));
            }
        }
    }

    private void heartbeat() {
        open.forEach(stream -> stream.offer(Message.HEARTBEAT));
    }

    @Override
    public void start() {
        long every = properties.heartbeat().toMillis();
        beating = heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Closes the open streams and stops the heartbeat. The threads stay for a later start: Spring
     * stops a context it pauses (a cached test context, for one) and starts it again.
     */
    @Override
    public void stop() {
        running = false;
        if (beating != null) {
            beating.cancel(false);
        }
        open.forEach(Stream::close);
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What a stream is sent: a change, the first comment, or a heartbeat. */
    private record Message(CaseChange change, String id, String comment) {

        static final Message CONNECTED = new Message(null, null, "connected");
        static final Message HEARTBEAT = new Message(null, null, "heartbeat");

        Message(CaseChange change, String id) {
            this(change, id, null);
        }

        SseEmitter.SseEventBuilder toEvent() {
            if (change == null) {
                SseEmitter.SseEventBuilder event = SseEmitter.event().comment(comment);
                return this == CONNECTED ? event.reconnectTime(RECONNECT_MILLIS) : event;
            }
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(EVENT_NAME)
                    .data(change, MediaType.APPLICATION_JSON);
            return id == null ? event : event.id(id);
        }
    }

    private final class Stream {

        private final Caller caller;
        private final SseEmitter emitter;
        private final BlockingQueue<Message> queue;
        private final AtomicBoolean sending = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        Stream(Caller caller, SseEmitter emitter, BlockingQueue<Message> queue) {
            this.caller = caller;
            this.emitter = emitter;
            this.queue = queue;
        }

        void offer(Message message) {
            if (closed.get()) {
                return;
            }
            if (!queue.offer(message)) {
                log.info("Closing a case-change stream that fell {} changes behind", queue.size());
                close();
                return;
            }
            schedule();
        }

        private void schedule() {
            if (sending.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RuntimeException stopping) {
                    sending.set(false);
                }
            }
        }

        private void drain() {
            try {
                Message next;
                while (!closed.get() && (next = queue.poll()) != null) {
                    emitter.send(next.toEvent());
                }
            } catch (IOException | IllegalStateException gone) {
                close();
            } finally {
                sending.set(false);
            }
            // A message offered while this sender was finishing would otherwise wait for the next one.
            if (!closed.get() && !queue.isEmpty()) {
                schedule();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                forget();
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyDone) {
                    // The response is gone already; nothing is left to end.
                }
            }
        }

        void forget() {
            closed.set(true);
            if (open.remove(this)) {
                reserved.decrementAndGet();
            }
        }
    }
}
