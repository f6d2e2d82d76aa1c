package org.grassroots.gateway.limits;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * At most {@code maxInFlight} API requests inside the gateway at once. The next ones wait for a place,
 * at most {@code maxWaiting} of them and each for at most {@code maxWait}, in the order they came;
 * any other is answered 503 with {@code Retry-After} at once, before its token is checked or a service
 * is asked. In a storm (a flood brings thousands of reports in minutes) a request that waits behind
 * hundreds of others is answered only after the caller has given up; one turned away at the door is
 * answered in a millisecond, and the phone can say "busy, try again in two seconds" and keep the
 * report. The short wait is for a burst that passes within it (a platform just started, a second
 * in which many residents press "submit"): waiting no longer than {@code Retry-After}, the request
 * is answered no later than a caller told to come back would have been, and without asking again.
 * <p>
 * Asked by the front door's filter ({@code FrontDoorFilter}) first of all. Not counted: the probes
 * and the web files (cheap, and never a service's work), event streams (open for hours, they would
 * hold a place for good) and photo uploads (they wait on the phone's network, not on the platform).
 * The per-route bulkheads behind it still bound each service.
 */
public final class Admission {

    private final int maxInFlight;
    private final int maxWaiting;
    private final Duration maxWait;
    private final boolean waits;
    private final long retryAfterSeconds;
    private final ProblemResponseWriter problems;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The requests waiting for a place, first come first. A waiter that gave up is taken out of it. */
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final Counter refused;
    private final Counter waited;
    private final Counter waitedInVain;

    Admission(AdmissionProperties settings, ProblemResponseWriter problems, MeterRegistry meters) {
        this.maxInFlight = settings.maxInFlight();
        this.maxWaiting = settings.maxWaiting();
        this.maxWait = settings.maxWait();
        this.waits = settings.waits();
        this.retryAfterSeconds = Math.max(1, (settings.retryAfter().toMillis() + 999) / 1000);
        this.problems = problems;
        Gauge.builder("grassroots.gateway.admission.in.flight", inFlight, AtomicInteger::get)
                .description("API requests inside the gateway now").register(meters);
        Gauge.builder("grassroots.gateway.admission.waiting", waitingCount, AtomicInteger::get)
                .description("API requests waiting at the door for a place now").register(meters);
        this.refused = Counter.builder("grassroots.gateway.admission.refused")
                .description("API requests answered 503 at the door because too many were inside").register(meters);
        this.waited = Counter.builder("grassroots.gateway.admission.waited")
                .description("API requests let in after waiting at the door for a place").register(meters);
        this.waitedInVain = Counter.builder("grassroots.gateway.admission.waited.in.vain")
                .description("API requests answered 503 after waiting at the door (also counted as refused)")
                .register(meters);
    }

    /**
     * The request's work if it is let in, now or after waiting (its place is given back when the work
     * ends, fails or the caller goes away), or the 503 answer instead.
     */
    public Mono<Void> admit(ServerWebExchange exchange, Supplier<Mono<Void>> work) {
        if (maxInFlight == 0 || !counts(exchange.getRequest())) {
            return work.get();
        }
        if (waiting.isEmpty() && tryEnter()) { // nobody waits before it
            return inside(work);
        }
        if (!waits) {
            return refuse(exchange);
        }
        return Mono.defer(() -> {
            if (!takeRoomToWait()) {
                return refuse(exchange);
            }
            Waiter waiter = new Waiter();
            return Mono.<Boolean>create(waiter::queue)
                    .timeout(maxWait, Mono.just(false))
                    .flatMap(admitted -> {
                        if (!admitted || !waiter.workTakesThePlace()) {
                            waitedInVain.increment();
                            return refuse(exchange);
                        }
                        waited.increment();
                        return inside(work);
                    });
        });
    }

    /** Takes room in the waiting line if there is any; the waiter gives it back when it leaves the line. */
    private boolean takeRoomToWait() {
        if (waitingCount.incrementAndGet() > maxWaiting) {
            waitingCount.decrementAndGet();
            return false;
        }
        return true;
    }

    private Mono<Void> inside(Supplier<Mono<Void>> work) {
        return Mono.defer(work).doFinally(signal -> leave());
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        refused.increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The platform is busy; try again in " + retryAfterSeconds + " s",
                exchange.getRequest().getPath().value()));
    }

    /** Takes a place if one is free. */
    private boolean tryEnter() {
        for (int now = inFlight.get(); now < maxInFlight; now = inFlight.get()) {
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a place back, to the first waiter if there is one. */
    private void leave() {
        inFlight.decrementAndGet();
        handOver();
    }

    /** While places are free and requests wait, lets the first waiter in. */
    private void handOver() {
        while (!waiting.isEmpty() && tryEnter()) {
            Waiter next = waiting.poll();
            if (next == null) { // another thread took the last one first
                inFlight.decrementAndGet();
                continue;
            }
            waitingCount.decrementAndGet();
            if (!next.admit()) { // it gave up just now: the place is free again
                inFlight.decrementAndGet();
            }
        }
    }

    /**
     * One request waiting for a place. Its place, once given, goes either to its work or, if the
     * caller went away or the wait ended before the work began, back to the door: exactly one of the
     * two takes it ({@link #placeTaken}).
     */
    private final class Waiter {

        private static final int WAITING = 0;
        private static final int ADMITTED = 1;
        private static final int GAVE_UP = 2;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final AtomicBoolean placeTaken = new AtomicBoolean();
        private MonoSink<Boolean> sink;

        /** Joins the line, in the room {@link #takeRoomToWait()} took for it. */
        void queue(MonoSink<Boolean> sink) {
            this.sink = sink;
            sink.onDispose(this::dispose);
            waiting.add(this);
            handOver(); // a place may have come free before it was in the queue
        }

        /** Lets it in with the place its caller has taken; false if it had given up already. */
        boolean admit() {
            if (!state.compareAndSet(WAITING, ADMITTED)) {
                return false;
            }
            sink.success(true);
            return true;
        }

        boolean workTakesThePlace() {
            return placeTaken.compareAndSet(false, true);
        }

        /** Its wait ended: let in (then the work has taken the place, or it is given back), or given up. */
        private void dispose() {
            if (state.compareAndSet(WAITING, GAVE_UP)) {
                if (waiting.remove(this)) {
                    waitingCount.decrementAndGet();
                }
            } else if (state.get() == ADMITTED && placeTaken.compareAndSet(false, true)) {
                leave();
            }
        }
    }

    private static boolean counts(ServerHttpRequest request) {
        if (!request.getPath().value().startsWith("/api/")) {
            return false;
        }
        HttpHeaders headers = request.getHeaders();
        MediaType body = headers.getContentType();
        if (body != null && MediaType.MULTIPART_FORM_DATA.includes(body)) {
            return false;
        }
        String accept = headers.getFirst(HttpHeaders.ACCEPT);
        return accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
