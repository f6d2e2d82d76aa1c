package org.grassroots.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.support.DefaultServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class AdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The waiting admissions' own: a registry answers a gauge's name with the first gauge registered under it. */
    private final SimpleMeterRegistry waitingMeters = new SimpleMeterRegistry();
    private final Admission admission = new Admission(new AdmissionProperties(2, Duration.ofSeconds(3), 0, null),
            new ProblemResponseWriter(new DefaultServerCodecConfigurer()), meters);
    private final List<Sinks.Empty<Void>> working = new ArrayList<>();

    @Test
    void givenTwoRequestsInside_whenAThirdComes_thenItIsAnswered503WithRetryAfterWithoutItsWorkStarting() {
        enter(MockServerHttpRequest.post("/api/cases"));
        enter(MockServerHttpRequest.get("/api/cases/42"));

        boolean[] started = {false};
        MockServerWebExchange third = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cases"));
        admission.admit(third, () -> {
            started[0] = true;
            return Mono.empty();
        }).block();

        assertThat(started[0]).isFalse();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(third.getResponse().getBodyAsString().block())
                .contains("\"type\":\"urn:grassroots:problem:service-unavailable\"")
                .contains("The platform is busy; try again in 3 s");
        assertThat(meters.counter("grassroots.gateway.admission.refused").count()).isEqualTo(1);
    }

    @Test
    void givenTheLimitReached_whenOneRequestEndsAndAnotherIsCancelled_thenTwoMoreAreLetIn() {
        enter(MockServerHttpRequest.get("/api/cases/1"));
        Disposable cancelled = enter(MockServerHttpRequest.get("/api/cases/2"));

        working.get(0).tryEmitEmpty();
        cancelled.dispose();

        assertThat(meters.get("grassroots.gateway.admission.in.flight").gauge().value()).isZero();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/3"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/4"))).isNull();
    }

    @Test
    void givenTheLimitReached_whenProbesWebFilesEventStreamsAndPhotoUploadsCome_thenAllAreLetIn() {
        enter(MockServerHttpRequest.get("/api/cases/1"));
        enter(MockServerHttpRequest.get("/api/cases/2"));

        assertThat(tryOnce(MockServerHttpRequest.get("/actuator/health/readiness"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/m/report"))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/changes").accept(MediaType.TEXT_EVENT_STREAM)))
                .isNull();
        assertThat(tryOnce(MockServerHttpRequest.post("/api/cases/42/attachments")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=x")))).isNull();
        assertThat(tryOnce(MockServerHttpRequest.get("/api/cases/3"))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void givenNoLimit_whenManyRequestsAreInside_thenNoneIsTurnedAway() {
        Admission unlimited = new Admission(new AdmissionProperties(0, null, 0, null),
                new ProblemResponseWriter(new DefaultServerCodecConfigurer()), new SimpleMeterRegistry());
        for (int i = 0; i < 1_000; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/cases"));
            unlimited.admit(exchange, Mono::never).subscribe();
            assertThat(exchange.getResponse().getStatusCode()).isNull();
        }
    }

    @Test
    void givenTheLimitReachedAndRoomToWait_whenPlacesComeFree_thenTheWaitersAreLetInInTheOrderTheyCame() {
        Admission waiting = waitingAdmission(2, Duration.ofSeconds(1));
        List<String> started = new ArrayList<>();
        List<Sinks.Empty<Void>> inside = List.of(Sinks.empty(), Sinks.empty());
        inside.forEach(work -> waiting.admit(exchange("/api/cases/1"), work::asMono).subscribe());

        MockServerWebExchange first = exchange("/api/cases/2");
        MockServerWebExchange second = exchange("/api/cases/3");
        waiting.admit(first, () -> Mono.fromRunnable(() -> started.add("first")).then(Mono.never())).subscribe();
        waiting.admit(second, () -> Mono.fromRunnable(() -> started.add("second"))).subscribe();
        assertThat(started).isEmpty();
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isEqualTo(2);

        inside.get(0).tryEmitEmpty();
        assertThat(started).containsExactly("first");
        inside.get(1).tryEmitEmpty();
        assertThat(started).containsExactly("first", "second");

        assertThat(first.getResponse().getStatusCode()).isNull();
        assertThat(second.getResponse().getStatusCode()).isNull();
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited").count()).isEqualTo(2);
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isZero();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1); // first's
    }

    @Test
    void givenTheWaitingRoomFull_whenAnotherComes_thenItIsAnswered503AtOnce() {
        Admission waiting = waitingAdmission(1, Duration.ofSeconds(1));
        waiting.admit(exchange("/api/cases/1"), Mono::never).subscribe();
        waiting.admit(exchange("/api/cases/2"), Mono::never).subscribe();
        waiting.admit(exchange("/api/cases/3"), Mono::never).subscribe();

        MockServerWebExchange fourth = exchange("/api/cases/4");
        waiting.admit(fourth, Mono::empty).block(Duration.ofMillis(200));

        assertThat(fourth.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(fourth.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(waitingMeters.counter("grassroots.gateway.admission.refused").count()).isEqualTo(1);
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited.in.vain").count()).isZero();
    }

    @Test
    void givenAWaiter_whenNoPlaceComesFreeInTime_thenItIsAnswered503AndLeavesNothingBehind() {
        Admission waiting = waitingAdmission(4, Duration.ofMillis(150));
        Sinks.Empty<Void> inside = takeBothPlaces(waiting);

        MockServerWebExchange late = exchange("/api/cases/3");
        boolean[] ran = {false};
        long began = System.nanoTime();
        waiting.admit(late, () -> Mono.fromRunnable(() -> ran[0] = true)).block(Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(ran[0]).isFalse();
        assertThat(late.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited.in.vain").count()).isEqualTo(1);
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isZero();
        inside.tryEmitEmpty();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1);
        assertThat(tryOnce(waiting, "/api/cases/4")).isNull();
    }

    @Test
    void givenAWaiterWhoseCallerWentAway_whenAPlaceComesFree_thenTheNextWaiterGetsIt() {
        Admission waiting = waitingAdmission(4, Duration.ofSeconds(1));
        Sinks.Empty<Void> inside = takeBothPlaces(waiting);
        boolean[] ran = {false, false};
        Disposable gone = waiting.admit(exchange("/api/cases/3"), () -> Mono.fromRunnable(() -> ran[0] = true)).subscribe();
        waiting.admit(exchange("/api/cases/4"), () -> Mono.fromRunnable(() -> ran[1] = true)).subscribe();

        gone.dispose();
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isEqualTo(1);
        inside.tryEmitEmpty();

        assertThat(ran).containsExactly(false, true);
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isZero();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1);
    }

    @Test
    void givenAWaiterLetIn_whenItsCallerGoesAwayAsItsWorkBegins_thenItsPlaceIsGivenBackOnce() {
        Admission waiting = waitingAdmission(4, Duration.ofSeconds(1));
        Sinks.Empty<Void> inside = takeBothPlaces(waiting);
        Disposable[] caller = new Disposable[1];
        // Its place is both its work's (begun) and its wait's (ended by the caller going away): one of them returns it.
        caller[0] = waiting.admit(exchange("/api/cases/3"), () -> Mono.defer(() -> {
            caller[0].dispose();
            return Mono.never();
        })).subscribe();

        inside.tryEmitEmpty();

        assertThat(caller[0].isDisposed()).isTrue();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1); // 2's
        assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isZero();
        assertThat(tryOnce(waiting, "/api/cases/4")).isNull();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1);
    }

    @Test
    void givenAWaiterLetIn_whenItsCallerGoesAwayDuringItsWork_thenItsPlaceIsGivenBackOnce() {
        Admission waiting = waitingAdmission(4, Duration.ofSeconds(1));
        Sinks.Empty<Void> inside = takeBothPlaces(waiting);
        Disposable caller = waiting.admit(exchange("/api/cases/3"), Mono::never).subscribe();
        inside.tryEmitEmpty();
        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(2);

        caller.dispose();

        assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isEqualTo(1);
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited").count()).isEqualTo(1);
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited.in.vain").count()).isZero();
    }

    /**
     * The one race a waiter has: its place comes free on one thread while its caller goes away on
     * another. Whichever comes first, the place ends up free and the line empty; run many times, so
     * both orders (and the caller leaving between the line's poll and the waiter's admission) occur.
     */
    @Test
    void givenAPlaceComingFreeWhileTheWaitersCallerGoesAway_thenThePlaceIsFreeAndTheLineEmptyEitherWay()
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2_000; round++) {
                SimpleMeterRegistry roundMeters = new SimpleMeterRegistry();
                Admission waiting = new Admission(new AdmissionProperties(1, Duration.ofSeconds(3), 4, Duration.ofSeconds(1)),
                        new ProblemResponseWriter(new DefaultServerCodecConfigurer()), roundMeters);
                Sinks.Empty<Void> inside = Sinks.empty();
                waiting.admit(exchange("/api/cases/1"), inside::asMono).subscribe();
                AtomicInteger ran = new AtomicInteger();
                Disposable caller = waiting.admit(exchange("/api/cases/2"), () -> Mono.fromRunnable(ran::incrementAndGet))
                        .subscribe();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> freeing = threads.submit(() -> {
                    together.await();
                    return inside.tryEmitEmpty();
                });
                Future<?> leaving = threads.submit(() -> {
                    together.await();
                    caller.dispose();
                    return null;
                });
                freeing.get(5, TimeUnit.SECONDS);
                leaving.get(5, TimeUnit.SECONDS);

                assertThat(ran.get()).as("the waiter's work ran in round %d", round).isBetween(0, 1);
                assertThat(roundMeters.get("grassroots.gateway.admission.in.flight").gauge().value())
                        .as("places taken after round %d", round).isZero();
                assertThat(roundMeters.get("grassroots.gateway.admission.waiting").gauge().value())
                        .as("waiting after round %d", round).isZero();
                assertThat(tryOnce(waiting, "/api/cases/3")).as("a new request after round %d", round).isNull();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenManyRequestsAtOnceFromManyThreads_thenNeverMoreThanTheLimitIsInsideAndEveryPlaceIsGivenBack()
            throws InterruptedException {
        Admission waiting = waitingAdmission(8, Duration.ofMillis(20));
        AtomicInteger insideNow = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger let = new AtomicInteger();
        AtomicInteger turnedAway = new AtomicInteger();
        int requests = 4_000;
        CountDownLatch answered = new CountDownLatch(requests);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < requests; i++) {
            int n = i;
            callers.execute(() -> {
                MockServerWebExchange exchange = exchange("/api/cases/" + n);
                Mono<Void> work = Mono.defer(() -> {
                    mostInside.accumulateAndGet(insideNow.incrementAndGet(), Math::max);
                    let.incrementAndGet();
                    // Out before its end reaches the admission, which then lets the next one in at once.
                    AtomicBoolean out = new AtomicBoolean();
                    Runnable leave = () -> {
                        if (out.compareAndSet(false, true)) {
                            insideNow.decrementAndGet();
                        }
                    };
                    return Mono.delay(Duration.ofNanos(ThreadLocalRandom.current().nextLong(2_000_000)))
                            .doOnNext(tick -> leave.run()).doOnCancel(leave).then();
                });
                Mono<Void> answer = waiting.admit(exchange, () -> work)
                        .doFinally(signal -> {
                            if (exchange.getResponse().getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE) {
                                turnedAway.incrementAndGet();
                            }
                            answered.countDown();
                        });
                if (n % 10 == 0) { // some callers go away while they wait or work
                    Disposable call = answer.subscribe();
                    Mono.delay(Duration.ofMillis(1)).subscribe(tick -> call.dispose());
                } else {
                    answer.subscribe();
                }
            });
        }
        assertThat(answered.await(60, TimeUnit.SECONDS)).isTrue();
        callers.shutdown();

        assertThat(mostInside.get()).isBetween(1, 2);
        assertThat(let.get()).isPositive();
        assertThat(turnedAway.get()).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(waitingMeters.get("grassroots.gateway.admission.in.flight").gauge().value()).isZero();
            assertThat(waitingMeters.get("grassroots.gateway.admission.waiting").gauge().value()).isZero();
        });
        assertThat(waitingMeters.counter("grassroots.gateway.admission.waited").count()).isPositive();
    }

    @Test
    void givenAWaitLongerThanRetryAfter_thenTheSettingsAreRefused() {
        assertThatThrownBy(() -> new AdmissionProperties(2, Duration.ofSeconds(2), 10, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grassroots.gateway.admission.max-wait");
    }

    /** Two inside at once, {@code maxWaiting} more waiting up to {@code maxWait}; a retry-after of 3 s. */
    private Admission waitingAdmission(int maxWaiting, Duration maxWait) {
        return new Admission(new AdmissionProperties(2, Duration.ofSeconds(3), maxWaiting, maxWait),
                new ProblemResponseWriter(new DefaultServerCodecConfigurer()), waitingMeters);
    }

    /** Fills both places: one request until the sink it answers completes, one for good. */
    private static Sinks.Empty<Void> takeBothPlaces(Admission admission) {
        Sinks.Empty<Void> inside = Sinks.empty();
        admission.admit(exchange("/api/cases/1"), inside::asMono).subscribe();
        admission.admit(exchange("/api/cases/2"), Mono::never).subscribe();
        return inside;
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private static HttpStatus tryOnce(Admission admission, String path) {
        MockServerWebExchange exchange = exchange(path);
        boolean[] ran = {false};
        admission.admit(exchange, () -> Mono.fromRunnable(() -> ran[0] = true)).block(Duration.ofSeconds(1));
        return ran[0] ? null : (HttpStatus) exchange.getResponse().getStatusCode();
    }

    /** Lets a request in whose work goes on until its sink is completed; the subscription, to cancel it. */
    private Disposable enter(MockServerHttpRequest.BaseBuilder<?> request) {
        Sinks.Empty<Void> work = Sinks.empty();
        working.add(work);
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        Disposable subscription = admission.admit(exchange, work::asMono).subscribe();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
        return subscription;
    }

    /** The status the admission answered with, or null if the request's (instant) work ran. */
    private HttpStatus tryOnce(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        boolean[] ran = {false};
        admission.admit(exchange, () -> {
            ran[0] = true;
            return Mono.empty();
        }).block();
        return ran[0] ? null : (HttpStatus) exchange.getResponse().getStatusCode();
    }
}
