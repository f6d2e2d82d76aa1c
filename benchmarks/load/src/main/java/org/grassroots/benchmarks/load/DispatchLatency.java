package org.grassroots.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Dispatch → event latency: how long after the dispatcher's HTTP response the {@code CaseDispatched}
 * event reaches a consumer outside the platform (a consumer group of its own on {@code case-events},
 * like any new subscriber would be), at a steady dispatch rate.
 *
 * <ol>
 *   <li>Prepares {@code rate × seconds} cases in 城南社区: resident1 reports at the demo point (through
 *       the gateway), dispatcher1 accepts each.</li>
 *   <li>Joins {@code case-events} in group {@code bench-dispatch-latency-<uuid>} at the end of the topic.</li>
 *   <li>Dispatches them to 城管 at a fixed rate (open model: each request leaves on schedule, whether or
 *       not earlier ones have answered), and notes the instant each 200 response arrives.</li>
 *   <li>Notes the instant each case's {@code org.grassroots.case.dispatched} record is polled; the latency
 *       is that minus the response instant (negative if the event overtook the response).</li>
 *   <li>Counts what must not happen: an answered dispatch whose event is not seen within 60 s, an event
 *       seen twice, and an event for a dispatch that was answered with an error (the case dispatched
 *       while its caller was told it was not).</li>
 * </ol>
 * Sender and consumer share one JVM and one monotonic clock. Settings (system properties):
 * {@code gateway}, {@code keycloak}, {@code kafka}, {@code rate} (200), {@code seconds} (20),
 * {@code prepareConcurrency} (8 reports or accepts at once while preparing).
 */
public final class DispatchLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String DISPATCHED = "org.grassroots.case.dispatched";

    private final String gateway = System.getProperty("gateway", "http://localhost:28080");
    private final String keycloak = System.getProperty("keycloak", "http://localhost:28180");
    private final String kafka = System.getProperty("kafka", "localhost:29092");
    private final int rate = Integer.getInteger("rate", 200);
    private final int seconds = Integer.getInteger("seconds", 20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> respondedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();
    private final List<Double> dispatchMillis = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    /** Cases whose dispatch was answered with an error or not at all: their event must never come. */
    private final Set<String> failedCases = ConcurrentHashMap.newKeySet();
    /** Dispatched records of a case that had already had one: the event delivered more than once. */
    private final AtomicInteger repeated = new AtomicInteger();
    private final AtomicInteger prepareFailures = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        new DispatchLatency().run();
    }

    void run() throws Exception {
        String resident = Keycloak.token(keycloak, "resident1");
        String dispatcher = Keycloak.token(keycloak, "dispatcher1");
        int count = rate * seconds;
        long prepareStarted = System.nanoTime();
        List<String> cases = prepare(count, resident, dispatcher);
        System.out.printf("Prepared %d accepted cases in %.1f s (%d could not be prepared)%n", cases.size(),
                (System.nanoTime() - prepareStarted) / 1e9, prepareFailures.get());
        long prepared = System.nanoTime();

        try (CaseEventsProbe events = CaseEventsProbe.open(kafka, "bench-dispatch-latency-", record -> {
            if (DISPATCHED.equals(CaseEventsProbe.header(record, "ce_type"))) {
                if (consumedAt.putIfAbsent(record.key(), System.nanoTime()) != null) {
                    repeated.incrementAndGet();
                }
            }
        })) {
            long period = 1_000_000_000L / rate;
            // load.sh takes the platform's CPU from this line to "Every dispatch answered": the dispatches' own.
            System.out.printf("Dispatching %d cases at %d/s, the outside consumer in its group %.1f s after the last was prepared%n",
                    cases.size(), rate, (System.nanoTime() - prepared) / 1e9);
            System.out.flush();
            long start = System.nanoTime();
            List<CompletableFuture<?>> sent = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sent.add(dispatch(cases.get(i), dispatcher));
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            System.out.printf("Every dispatch answered %.1f s after the first was sent%n", (System.nanoTime() - start) / 1e9);
            System.out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!consumedAt.keySet().containsAll(respondedAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            report(cases.size(), sendSeconds);
        }
    }

    private List<String> prepare(int count, String resident, String dispatcher) {
        Semaphore inFlight = new Semaphore(Integer.getInteger("prepareConcurrency", 8));
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>(count));
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquireUninterruptibly();
            double lon = 119.0213 + (i % 20) * 0.000005;
            double lat = 33.6012 + (i / 20 % 20) * 0.000005;
            String body = String.format("{\"categoryCode\":\"EXPOSED_RUBBISH\",\"description\":\"压测：派单时延 %d\","
                    + "\"point\":{\"lon\":%.6f,\"lat\":%.6f},\"locationDescription\":\"压测\"}", i, lon, lat);
            all.add(sendRetrying(post("/api/cases", resident, body), 5)
                    .thenCompose(reported -> {
                        Matcher id = ID.matcher(reported.body());
                        if (reported.statusCode() != 201 || !id.find()) {
                            throw new IllegalStateException("report: " + reported.statusCode() + " " + reported.body());
                        }
                        return sendRetrying(post("/api/cases/" + id.group(1) + "/accept", dispatcher, "{}"), 5)
                                .thenApply(accepted -> {
                                    if (accepted.statusCode() != 200) {
                                        throw new IllegalStateException("accept: " + accepted.statusCode() + " "
                                                + accepted.body());
                                    }
                                    ids.add(id.group(1));
                                    return accepted;
                                });
                    })
                    .whenComplete((done, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            prepareFailures.incrementAndGet();
                            System.err.println("preparing a case failed: " + failure.getMessage());
                        }
                    }));
        }
        CompletableFuture.allOf(all.stream().map(future -> future.exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new)).join();
        return new ArrayList<>(ids);
    }

    /** Preparation is not measured: a 429 or 503 (an intake still recovering) is tried again after a second. */
    private CompletableFuture<HttpResponse<String>> sendRetrying(HttpRequest request, int attempts) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempts > 1) {
                return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS))
                        .thenCompose(ignored -> sendRetrying(request, attempts - 1));
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    private CompletableFuture<?> dispatch(String caseId, String dispatcher) {
        long sentAt = System.nanoTime();
        String body = "{\"assignee\":{\"kind\":\"DEPARTMENT\",\"id\":\"dept-urban\",\"displayName\":\"区城市管理局\"},"
                + "\"note\":\"压测\"}";
        return http.sendAsync(post("/api/cases/" + caseId + "/dispatch", dispatcher, body),
                HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                    long now = System.nanoTime();
                    if (failure == null && response.statusCode() == 200) {
                        respondedAt.put(caseId, now);
                        dispatchMillis.add((now - sentAt) / 1e6);
                    } else {
                        failures.incrementAndGet();
                        failedCases.add(caseId);
                        System.err.println("dispatch of " + caseId + " failed: "
                                + (failure != null ? failure : response.statusCode()));
                    }
                    return null;
                });
    }

    private HttpRequest post(String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private void report(int cases, double sendSeconds) {
        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> response : respondedAt.entrySet()) {
            Long consumed = consumedAt.get(response.getKey());
            if (consumed == null) {
                missing++;
            } else {
                latencies.add((consumed - response.getValue()) / 1e6);
            }
        }
        double[] latency = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        double[] dispatch = dispatchMillis.stream().mapToDouble(Double::doubleValue).toArray();
        long negative = latencies.stream().filter(millis -> millis < 0).count();
        System.out.printf("%nDispatch → CaseDispatched at an outside consumer group, %d dispatches at %d/s "
                + "(sent in %.1f s, %.0f/s achieved)%n", cases, rate, sendSeconds, cases / sendSeconds);
        System.out.println("  dispatch HTTP response time: " + Percentiles.of(dispatch));
        System.out.println("  response → event:            " + Percentiles.of(latency)
                + " (" + negative + " events arrived before their response)");
        System.out.printf("  errors: %d failed dispatches, %d events never seen within 60 s%n", failures.get(),
                missing);
        // A refused dispatch's event would mean the case was dispatched while its caller was told it was not.
        long eventAnyway = failedCases.stream().filter(consumedAt::containsKey).count();
        System.out.printf("  events: %d delivered more than once, %d for a dispatch answered with an error%n",
                repeated.get(), eventAnyway);
    }
}
