package org.grassroots.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A storm of reports, as a flood or a water cut brings them: {@code reports} reports offered through the
 * gateway in {@code seconds} seconds (open model: each leaves on schedule whether or not earlier ones
 * have answered), then the questions issue #21 asks of it.
 *
 * <ol>
 *   <li>Every report is answered 201, or 429/503 with {@code Retry-After}: anything else — another
 *       status, a 429/503 without {@code Retry-After}, no answer within {@code timeoutSeconds}, a
 *       connection refused — is counted and named.</li>
 *   <li>Every accepted report's {@code org.grassroots.case.reported} event reaches a consumer group of
 *       its own on {@code case-events} (joined at the end of the topic before the storm), and none
 *       twice (by {@code ce_id}, and by case).</li>
 *   <li>The platform is back to normal latency within two minutes: before the storm, {@code probeRate}
 *       reports/s for {@code probeSeconds} give the normal p99; after the last storm answer, the same
 *       probe runs in windows of {@code probeSeconds} until a window is all 201 with a p99 no worse than
 *       twice the normal one (or {@code recoveredMillis}, whichever is larger), for at most 300 s.</li>
 * </ol>
 * With {@code soak} true it is the soak instead: the same reports at a rate the platform should take
 * whole, for a long time — every answer must be 201, there are no probes before or after, and the
 * 201s' response times are shown per five minutes (load.sh's soak step adds the memory slope).
 * <p>
 * With {@code rampSeconds} above 0, the reports above are preceded by a ramp of that many seconds,
 * its rate rising in a straight line from a tenth of theirs (at least 1/s) to theirs, as traffic
 * reaches a platform that has just started; the ramp's answers are reported apart and judged as a
 * storm's are (201, or 429/503 with {@code Retry-After}), its accepted reports' events like the rest.
 * <p>
 * The reports come from {@code residents} demo residents in turn (resident1, resident2), at points
 * spread over 城南社区's first grid. Settings are system properties: {@code gateway}, {@code keycloak},
 * {@code kafka}, {@code reports} (30000), {@code seconds} (60), {@code timeoutSeconds} (30),
 * {@code probeRate} (10), {@code probeSeconds} (5), {@code recoveredMillis} (250), {@code rampSeconds} (0). It exits 1 when a
 * report got another answer, an accepted report's event was missing or twice, or the platform did not
 * recover within 120 s.
 */
public final class Storm {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String REPORTED = "org.grassroots.case.reported";
    /** Each report's X-Correlation-Id is this and its number, so a wrong answer can be found in the logs. */
    private static final String CORRELATION_PREFIX = "storm-";
    private static final int WRONG_ANSWERS_SHOWN = 20;

    private final String gateway = System.getProperty("gateway", "http://localhost:28080");
    private final String keycloak = System.getProperty("keycloak", "http://localhost:28180");
    private final String kafka = System.getProperty("kafka", "localhost:29092");
    private final int reports = Integer.getInteger("reports", 30_000);
    private final int seconds = Integer.getInteger("seconds", 60);
    private final int timeoutSeconds = Integer.getInteger("timeoutSeconds", 30);
    private final int probeRate = Integer.getInteger("probeRate", 10);
    private final int probeSeconds = Integer.getInteger("probeSeconds", 5);
    private final double recoveredMillis = Integer.getInteger("recoveredMillis", 250);
    private final boolean soak = Boolean.getBoolean("soak");
    private final int rampSeconds = Integer.getInteger("rampSeconds", 0);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** resident1's and resident2's tokens, fetched anew every five minutes: they live fifteen, a soak thirty. */
    private volatile List<String> tokens;
    private final AtomicInteger sequence = new AtomicInteger();

    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> reportedPerCase = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedEventIds = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        System.exit(new Storm().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        tokens = residentTokens();
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "token-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresh.scheduleWithFixedDelay(() -> {
            try {
                tokens = residentTokens();
            } catch (RuntimeException e) {
                System.out.println("  tokens not refreshed (the old ones are used until they expire): " + e.getMessage());
            }
        }, 5, 5, TimeUnit.MINUTES);
        try (CaseEventsProbe events = CaseEventsProbe.open(kafka, "bench-storm-", this::onEvent)) {

            Probe normal = soak ? null : probe(probeRate, probeSeconds);
            if (normal != null) {
                System.out.printf("Normal latency before the storm (%d reports at %d/s): %s, %d not 201%n",
                        normal.sent(), probeRate, normal.latency(), normal.notCreated());
            }

            Map<String, Integer> rampAnswers = Map.of();
            if (rampSeconds > 0) {
                double from = Math.max(1, reports / (double) seconds / 10), to = reports / (double) seconds;
                int count = (int) Math.round((from + to) / 2 * rampSeconds);
                System.out.printf("Ramp: %d reports in %d s, rising from %.0f/s to %.0f/s%n", count, rampSeconds, from, to);
                Wave ramp = offer(count, i -> rampOffsetNanos(i, from, to, rampSeconds));
                rampAnswers = ramp.answers();
                System.out.println("  answers: " + answerCounts(rampAnswers));
                System.out.println("  201 response time: " + ramp.created());
                ramp.printWindowsWith(answer -> !answer.equals("201"));
                ramp.printWrongAnswers();
            }

            System.out.printf("%s: %d reports in %d s (%d/s) through the gateway%n", soak ? "Soak" : "Storm", reports,
                    seconds, reports / seconds);
            long period = seconds * 1_000_000_000L / reports;
            Wave wave = offer(reports, i -> i * period);
            long stormEnded = System.nanoTime();

            System.out.printf("  offered %d in %.1f s (%.0f/s); the last answer came %.1f s after the first report%n",
                    reports, wave.sendSeconds(), reports / wave.sendSeconds(), wave.answeredSeconds());
            Map<String, Integer> answers = wave.answers();
            System.out.println("  answers: " + answerCounts(answers));
            System.out.println("  201 response time: " + wave.created());
            if (soak) {
                new TreeMap<>(wave.createdMillisPerFiveMinutes()).forEach((window, millis) -> System.out.printf(
                        "    minutes %d–%d: %s%n", window * 5, window * 5 + 5,
                        Percentiles.of(millis.stream().mapToDouble(Double::doubleValue).toArray())));
                // Where a soak went wrong, to the ten seconds: only the windows with an answer other than 201.
                wave.printWindowsWith(answer -> !answer.equals("201"));
            } else {
                wave.printWindowsWith(answer -> true);
            }
            wave.printWrongAnswers();
            int wrong = countOther(answers, this::isAllowed);
            // The ramp is judged as a storm is: a platform still warming may turn reports away, if it says when.
            int wrongInRamp = countOther(rampAnswers, Storm::isAllowedInStorm);

            double recoveredAfter = soak ? 0 : recover(normal, stormEnded);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reportedPerCase.keySet().containsAll(accepted) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long missing = accepted.stream().filter(id -> !reportedPerCase.containsKey(id)).count();
            long twice = accepted.stream().filter(id -> reportedPerCase.getOrDefault(id, 0) > 1).count();
            System.out.printf("  events: %d accepted reports, %d reported events seen for them, %d missing after "
                    + "60 s, %d cases with the event twice, %d event ids seen twice%n", accepted.size(),
                    accepted.stream().filter(reportedPerCase::containsKey).count(), missing, twice,
                    repeatedEventIds.get());

            boolean passed = wrong == 0 && wrongInRamp == 0 && missing == 0 && twice == 0 && repeatedEventIds.get() == 0
                    && recoveredAfter >= 0 && recoveredAfter <= 120;
            System.out.printf("%s %s: %d answers other than %s%s; events %s; recovered %s%n", soak ? "Soak" : "Storm",
                    passed ? "PASSED" : "FAILED", wrong, soak ? "201" : "201 or 429/503 with Retry-After",
                    rampSeconds > 0 ? ", and " + wrongInRamp + " in the ramp other than 201 or 429/503 with Retry-After" : "",
                    missing == 0 && twice == 0 && repeatedEventIds.get() == 0 ? "complete, none twice" : "NOT complete or twice",
                    soak ? "(not asked)" : recoveredAfter < 0 ? "NOT within 300 s"
                            : String.format("%.0f s after the storm", recoveredAfter));
            return passed;
        }
    }

    /**
     * Offers {@code count} reports, the i-th {@code offsetNanos(i)} after the first (open model: each
     * leaves on schedule whether or not earlier ones have answered), and waits for every answer.
     */
    private Wave offer(int count, IntToLongFunction offsetNanos) {
        List<Double> createdMillis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, List<Double>> createdMillisPerWindow = new ConcurrentHashMap<>();
        Map<Integer, Map<String, AtomicInteger>> answersPerTenSeconds = new ConcurrentHashMap<>();
        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long wait = start + offsetNanos.applyAsLong(i) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sentAt = System.nanoTime();
            int number = sequence.getAndIncrement();
            sent.add(report(number).handle((response, failure) -> {
                String answer = classify(response, failure);
                if (!isAllowed(answer) && wrongAnswers.size() < WRONG_ANSWERS_SHOWN) {
                    wrongAnswers.add(String.format("%s%d sent at +%.3f s: %s after %.3f s%s", CORRELATION_PREFIX, number,
                            (sentAt - start) / 1e9, answer, (System.nanoTime() - sentAt) / 1e9,
                            response != null && response.statusCode() >= 500 ? ", body " + excerpt(response.body()) : ""));
                }
                answersPerTenSeconds.computeIfAbsent((int) ((sentAt - start) / 10_000_000_000L),
                                window -> new ConcurrentHashMap<>())
                        .computeIfAbsent(answer, key -> new AtomicInteger()).incrementAndGet();
                if ("201".equals(answer)) {
                    double millis = (System.nanoTime() - sentAt) / 1e6;
                    createdMillis.add(millis);
                    createdMillisPerWindow.computeIfAbsent((int) ((sentAt - start) / 300_000_000_000L),
                            window -> Collections.synchronizedList(new ArrayList<>())).add(millis);
                    Matcher id = ID.matcher(response.body());
                    if (id.find()) {
                        accepted.add(id.group(1));
                    }
                }
                return null;
            }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return new Wave(sendSeconds, (System.nanoTime() - start) / 1e9,
                Percentiles.of(createdMillis.stream().mapToDouble(Double::doubleValue).toArray()),
                createdMillisPerWindow, answersPerTenSeconds, List.copyOf(wrongAnswers));
    }

    /**
     * When the i-th report of a ramp leaves: the rate rises in a straight line from {@code from} to
     * {@code to} a second over {@code seconds}, so i reports have left by the time t at which
     * {@code from·t + (to − from)·t²/(2·seconds)} reaches i.
     */
    static long rampOffsetNanos(int i, double from, double to, int seconds) {
        double slope = (to - from) / seconds;
        double t = slope == 0 ? i / from : (Math.sqrt(from * from + 2 * slope * i) - from) / slope;
        return (long) (t * 1e9);
    }

    /** What one run of {@link #offer} gave. */
    private record Wave(double sendSeconds, double answeredSeconds, Percentiles created,
            Map<Integer, List<Double>> createdMillisPerFiveMinutes,
            Map<Integer, Map<String, AtomicInteger>> answersPerTenSeconds, List<String> wrongAnswers) {

        Map<String, Integer> answers() {
            Map<String, Integer> answers = new TreeMap<>();
            answersPerTenSeconds.values().forEach(counts -> counts.forEach(
                    (answer, count) -> answers.merge(answer, count.get(), Integer::sum)));
            return answers;
        }

        /**
         * The first answers that were not allowed, each with the correlation id its report carried, so that
         * the gateway's access log (and the services' logs) can say where it went.
         */
        void printWrongAnswers() {
            if (!wrongAnswers.isEmpty()) {
                System.out.printf("  the first %d answers not allowed, by the X-Correlation-Id each report carried:%n",
                        wrongAnswers.size());
                wrongAnswers.forEach(answer -> System.out.println("    " + answer));
            }
        }

        /** The answers per ten seconds of sending, for the windows holding an answer {@code shown} picks. */
        void printWindowsWith(Predicate<String> shown) {
            new TreeMap<>(answersPerTenSeconds).forEach((window, counts) -> {
                if (counts.keySet().stream().anyMatch(shown)) {
                    System.out.printf("    sent in seconds %d–%d: %s%n", window * 10, window * 10 + 10, answerCounts(counts));
                }
            });
        }
    }

    private static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    private static String answerCounts(Map<String, ? extends Number> counts) {
        return new TreeMap<>(Map.copyOf(counts)).toString().replace("=", ": ").replace("{", "").replace("}", "");
    }

    private List<String> residentTokens() {
        return List.of(Keycloak.token(keycloak, "resident1"), Keycloak.token(keycloak, "resident2"));
    }

    /** Probes after the storm until a window is normal again; the seconds it took, or -1. */
    private double recover(Probe normal, long stormEnded) {
        double limit = Math.max(2 * normal.latency().p99(), recoveredMillis);
        System.out.printf("  recovery: windows of %d s at %d/s until all are 201 with p99 ≤ %.0f ms%n", probeSeconds,
                probeRate, limit);
        while (System.nanoTime() - stormEnded < Duration.ofSeconds(300).toNanos()) {
            double windowStart = (System.nanoTime() - stormEnded) / 1e9;
            Probe window = probe(probeRate, probeSeconds);
            System.out.printf("    +%.0f s: %s, %d not 201%n", windowStart, window.latency(), window.notCreated());
            if (window.notCreated() == 0 && window.latency().p99() <= limit) {
                return (System.nanoTime() - stormEnded) / 1e9;
            }
        }
        return -1;
    }

    private Probe probe(int rate, int windowSeconds) {
        int count = rate * windowSeconds;
        long period = 1_000_000_000L / rate;
        Wave wave = offer(count, i -> i * period);
        return new Probe(count, wave.created(), count - wave.created().count());
    }

    private record Probe(int sent, Percentiles latency, int notCreated) {
    }

    /** Report number {@code i}, carrying the correlation id {@code storm-<i>}. */
    private CompletableFuture<HttpResponse<String>> report(int i) {
        List<String> tokens = this.tokens;
        double lon = 119.0213 + (i % 40) * 0.00001;
        double lat = 33.6012 + (i / 40 % 40) * 0.00001;
        String body = String.format("{\"categoryCode\":\"EXPOSED_RUBBISH\",\"description\":\"压测：暴雨后积水垃圾 %d\","
                + "\"point\":{\"lon\":%.6f,\"lat\":%.6f},\"locationDescription\":\"压测\"}", i, lon, lat);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/cases"))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", CORRELATION_PREFIX + i)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * "201", "429 with Retry-After", "503 without Retry-After", "timeout" (connected, no answer within
     * {@code timeoutSeconds}), "connect timeout" (no connection within 5 s), "connection: …", "500" …
     */
    private static String classify(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof HttpConnectTimeoutException) {
                return "connect timeout";
            }
            return cause instanceof HttpTimeoutException ? "timeout" : "connection: " + cause.getClass().getSimpleName();
        }
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            return status + (response.headers().firstValue("Retry-After").isPresent() ? " with Retry-After"
                    : " without Retry-After");
        }
        return Integer.toString(status);
    }

    private boolean isAllowed(String answer) {
        return soak ? answer.equals("201") : isAllowedInStorm(answer);
    }

    private static boolean isAllowedInStorm(String answer) {
        return answer.equals("201") || answer.endsWith(" with Retry-After");
    }

    /** How many of {@code answers} are not {@code allowed}. */
    private static int countOther(Map<String, Integer> answers, Predicate<String> allowed) {
        return answers.entrySet().stream().filter(entry -> !allowed.test(entry.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private void onEvent(ConsumerRecord<String, byte[]> record) {
        if (!REPORTED.equals(CaseEventsProbe.header(record, "ce_type"))) {
            return;
        }
        String id = CaseEventsProbe.header(record, "ce_id");
        if (id != null && !eventIds.add(id)) {
            repeatedEventIds.incrementAndGet();
        }
        reportedPerCase.merge(record.key(), 1, Integer::sum);
    }
}
