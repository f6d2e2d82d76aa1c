package org.grassroots.gateway.warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Ready for traffic only once warm. A gateway that has just started runs its front door in the JVM's
 * interpreter and first compiler, at a fraction of its later speed: a storm in its first minute waited
 * in the kernel's accept queue, where no limit of the gateway's can answer it, and timed out
 * (docs/benchmarks.md, rounds 8 and 9). So before it reports ready the gateway sends its own front
 * door {@code requests} API requests without a token over the loopback interface, so that the JIT has
 * the path every request takes (the front door, admission, the token check, a problem answer) to
 * compile before callers arrive. Then, if {@code through-path} is set and its first request is
 * answered 200, it sends {@code through-requests} there: a read a service answers without a token
 * ({@code GET /open311/v2/services.json}, case-service), so that the proxying (the route, its retry
 * and circuit breaker, the connection pool, copying the answer back) is compiled too. Restarted alone
 * beside a warm platform, a gateway that had warmed only its front door still turned 12 of its first
 * 400 reports away (docs/benchmarks.md, round 15). A service that does not answer 200 at once
 * (starting, or down) is not waited for.
 * <p>
 * This is the {@code warmUp} part of the readiness group: out of service until the warm-up is done,
 * or {@code max-duration} has passed, or it could not be sent. Its front-door requests reach no service
 * (each is answered 401 by the gateway itself); none of its requests takes a share of the loopback
 * address's rate limit or writes an access-log line: each carries a secret made anew at each start
 * ({@link #isOwn}), which the front door takes off before a request goes on to a service.
 */
@Component("warmUp")
public class WarmUp implements HealthIndicator {

    public static final String HEADER = "X-Grassroots-Warm-Up";
    /** Under /api, so the whole front door runs; a path no service serves, answered 401 by the gateway. */
    static final String PATH = "/api/warm-up";
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WarmUpProperties settings;
    private final Environment environment;
    private final String secret = newSecret();
    private final byte[] secretBytes = secret.getBytes(StandardCharsets.US_ASCII);
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throughAnswers = new ConcurrentHashMap<>();
    private volatile boolean done;

    WarmUp(WarmUpProperties settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
        this.done = settings.requests() == 0 && settings.throughRequests() == 0;
    }

    @Override
    public Health health() {
        if (done) {
            return Health.up().build();
        }
        return Health.outOfService().withDetail("warmUp", sum(answers) + sum(throughAnswers) + " of "
                + (settings.requests() + settings.throughRequests()) + " requests answered").build();
    }

    /** Whether the warm-up is over (or never was). */
    public boolean done() {
        return done;
    }

    /** Whether {@code exchange} is one of this gateway's own warm-up requests (never once the warm-up is over). */
    public boolean isOwn(ServerWebExchange exchange) {
        if (done) {
            return false;
        }
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        return presented != null && MessageDigest.isEqual(secretBytes, presented.getBytes(StandardCharsets.US_ASCII));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (done) {
            return;
        }
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port == null) {
            log.warn("Warm-up skipped: the gateway's port is not known; ready at once");
            done = true;
            return;
        }
        daemon("gateway-warm-up", () -> run(port));
    }

    private void run(int port) {
        long started = System.nanoTime();
        long deadline = started + settings.maxDuration().toNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            sendAll(http, request(port, PATH), settings.requests(), answers, deadline);
            if (settings.throughRequests() > 0 && System.nanoTime() < deadline) {
                // Through only to a service that answers now: one that is starting or down would
                // keep the gateway out of service for nothing, and fill its circuit breaker with failures.
                HttpRequest through = request(port, settings.throughPath());
                String first = send(http, through);
                throughAnswers.computeIfAbsent(first, key -> new LongAdder()).increment();
                if (first.equals("200")) {
                    sendAll(http, through, settings.throughRequests() - 1, throughAnswers, deadline);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
            log.info("Warm-up done in {} ms: {} requests to the gateway's own front door, answers {}; "
                    + "{} through it to {}, answers {}; ready for traffic",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), sum(answers), answers,
                    sum(throughAnswers), settings.throughPath().isEmpty() ? "no service" : settings.throughPath(),
                    throughAnswers);
        }
    }

    private HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HEADER, secret).timeout(Duration.ofSeconds(5)).GET().build();
    }

    /** Sends {@code request} {@code count} times, {@code concurrency} at a time, until {@code deadline}. */
    private void sendAll(HttpClient http, HttpRequest request, int count, Map<String, LongAdder> into, long deadline)
            throws InterruptedException {
        AtomicInteger claimed = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            daemon("gateway-warm-up-" + i, () -> {
                try {
                    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()
                            && claimed.getAndIncrement() < count) {
                        into.computeIfAbsent(send(http, request), key -> new LongAdder()).increment();
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
    }

    private static long sum(Map<String, LongAdder> answers) {
        return answers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static String send(HttpClient http, HttpRequest request) {
        try {
            return Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
