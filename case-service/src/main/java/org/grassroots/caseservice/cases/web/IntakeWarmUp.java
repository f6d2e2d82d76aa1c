package org.grassroots.caseservice.cases.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.IntakeRehearsal;
import org.grassroots.caseservice.cases.IntakeRehearsal.Sample;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ready for reports only once intake is warm. A case-service that has just started runs intake in the
 * JVM's interpreter until its compiler has caught up: at 40 reports a second its first ten seconds
 * took longer than the gateway lets requests wait, and the gateway turned some away with 503
 * (docs/benchmarks.md, round 15). So before it reports ready, case-service rehearses {@code reports}
 * reports: each one's JSON read and checked as the controller's are, filed by {@link IntakeRehearsal}
 * (catalogue, boundaries, duplicates, the case and its event, the store) and answered as JSON, and
 * each also sent to its own door without a token (the web server, the security filters, a problem
 * answer: 401).
 * <p>
 * Nothing of it is seen: no case, no case number, no event, no line per request. This is the
 * {@code intakeWarmUp} part of the readiness group: out of service until the warm-up is done, or
 * {@code max-duration} has passed, or a rehearsal failed (then ready at once, as without it).
 */
@Component("intakeWarmUp")
@EnableConfigurationProperties(IntakeWarmUpProperties.class)
class IntakeWarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IntakeWarmUp.class);
    /** A resident, as most reports come: what the answer shows depends on who asks. */
    private static final Caller RESIDENT = new Caller("warm-up", "warm-up", Set.of("resident"), null, null);

    private final IntakeWarmUpProperties settings;
    private final IntakeRehearsal rehearsal;
    private final JsonMapper json;
    private final Validator validator;
    private final Environment environment;
    private final AtomicInteger claimed = new AtomicInteger();
    private final LongAdder rehearsed = new LongAdder();
    private final Map<String, LongAdder> doorAnswers = new ConcurrentHashMap<>();
    private volatile boolean done;

    IntakeWarmUp(IntakeWarmUpProperties settings, IntakeRehearsal rehearsal, JsonMapper json, Validator validator,
            Environment environment) {
        this.settings = settings;
        this.rehearsal = rehearsal;
        this.json = json;
        this.validator = validator;
        this.environment = environment;
        this.done = settings.reports() == 0;
    }

    @Override
    public Health health() {
        if (done) {
            return Health.up().build();
        }
        return Health.outOfService()
                .withDetail("intakeWarmUp", rehearsed() + " of " + settings.reports() + " reports rehearsed").build();
    }

    /** Reports rehearsed so far. */
    long rehearsed() {
        return rehearsed.sum();
    }

    /** How its own door answered the warm-up's requests so far: status (or failure) and how many. */
    Map<String, Long> doorAnswers() {
        Map<String, Long> answers = new TreeMap<>();
        doorAnswers.forEach((answer, count) -> answers.put(answer, count.sum()));
        return answers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (done) {
            return;
        }
        Thread thread = new Thread(this::run, "intake-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long started = System.nanoTime();
        long deadline = started + settings.maxDuration().toNanos();
        try {
            Sample sample = rehearsal.prepare().orElse(null);
            if (sample == null) {
                log.info("Intake warm-up skipped: the catalogue has no active category");
                return;
            }
            Integer port = environment.getProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            CountDownLatch finished = new CountDownLatch(settings.concurrency());
            for (int i = 0; i < settings.concurrency(); i++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (int report = claimed.getAndIncrement(); report < settings.reports()
                                && System.nanoTime() < deadline; report = claimed.getAndIncrement()) {
                            rehearse(sample, report, http, port);
                        }
                    } catch (RuntimeException failed) {
                        claimed.set(settings.reports());
                        log.warn("Intake warm-up stopped: a rehearsal failed ({}); ready without the rest", failed.toString());
                    } finally {
                        finished.countDown();
                    }
                }, "intake-warm-up-" + i);
                worker.setDaemon(true);
                worker.start();
            }
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            log.warn("Intake warm-up could not begin ({}); ready without it", failed.toString());
        } finally {
            cleanUp();
            done = true;
            log.info("Intake warm-up done in {} ms: {} reports rehearsed (no case, number or event kept), "
                    + "requests to its own door answered {}; ready for traffic",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), rehearsed(), doorAnswers());
        }
    }

    private void rehearse(Sample sample, int report, HttpClient http, Integer port) {
        String body = "{\"categoryCode\":\"" + sample.categoryCode() + "\",\"description\":\"预热 " + report
                + "\",\"point\":{\"lon\":" + sample.point().lon() + ",\"lat\":" + sample.point().lat()
                + "},\"locationDescription\":\"预热\"}";
        if (port != null) {
            knock(http, port, body);
        }
        ReportCaseRequest request = json.readValue(body, ReportCaseRequest.class);
        if (!validator.validate(request).isEmpty()) {
            throw new IllegalStateException("the warm-up's report does not pass the controller's checks");
        }
        Case filed = rehearsal.rehearse(sample, request.description().strip(),
                request.answers() == null ? Map.of() : request.answers());
        json.writeValueAsBytes(CaseResponse.of(filed, RESIDENT));
        rehearsed.increment();
    }

    /** The report sent to the service's own door without a token: answered 401 before any work is done. */
    private void knock(HttpClient http, int port, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        String answer;
        try {
            answer = Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = "interrupted";
        } catch (Exception e) {
            answer = e.getClass().getSimpleName();
        }
        doorAnswers.computeIfAbsent(answer, key -> new LongAdder()).increment();
    }

    private void cleanUp() {
        try {
            rehearsal.cleanUp();
        } catch (RuntimeException failed) {
            log.warn("Intake warm-up could not drop its collection ({})", failed.toString());
        }
    }
}
