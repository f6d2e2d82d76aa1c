package org.grassroots.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Case intake at fixed arrival rates (open model: {@code constantUsersPerSec}, each virtual user
 * reports one case whether or not earlier ones have been answered), for each rate first through the
 * gateway, then the same load straight at case-service, one step after the other in one run.
 *
 * <p>Each report is resident1's or resident2's (real Keycloak tokens, fetched once), category
 * {@code EXPOSED_RUBBISH}, at a random point within about 100 m of the demo point in 城南社区 (so
 * case-service asks grid-service to locate it and looks for open duplicates nearby, as in real use).
 * Virtual users share a pool of keep-alive connections ({@code shareConnections}), like a few busy
 * app back-ends rather than thousands of phones opening a connection each. A request not answered
 * within 10 s counts as an error (gatling.conf). Request names say target and rate, e.g.
 * {@code gateway 100/s}; the HTML report and {@code js/stats.json} hold the figures.
 *
 * <p>Settings, as system properties or else environment variables: {@code gateway}
 * ({@code BENCH_GATEWAY}), {@code caseService} ({@code BENCH_CASE_SERVICE}), {@code keycloak}
 * ({@code BENCH_KEYCLOAK}), {@code rates} ({@code RATES}, comma separated, per second, default
 * {@code 25,50,100,200}), {@code stepSeconds} ({@code STEP_SECONDS}, 30), {@code pauseSeconds}
 * between steps ({@code PAUSE_SECONDS}, 5), {@code warmUpSeconds} ({@code WARM_UP_SECONDS}, 20: a
 * first step at 20/s to each target, shown but not compared).
 */
public class CaseIntakeSimulation extends Simulation {

    static final String GATEWAY = setting("gateway", "BENCH_GATEWAY", "http://localhost:28080");
    static final String CASE_SERVICE = setting("caseService", "BENCH_CASE_SERVICE", "http://localhost:28083");
    static final String KEYCLOAK = setting("keycloak", "BENCH_KEYCLOAK", "http://localhost:28180");
    static final List<Integer> RATES = Arrays.stream(setting("rates", "RATES", "25,50,100,200").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    static final int STEP_SECONDS = Integer.parseInt(setting("stepSeconds", "STEP_SECONDS", "30"));
    static final int PAUSE_SECONDS = Integer.parseInt(setting("pauseSeconds", "PAUSE_SECONDS", "5"));
    /** 20 reports/s to each target first, so the measured steps meet warm JITs and connection pools. */
    static final int WARM_UP_SECONDS = Integer.parseInt(setting("warmUpSeconds", "WARM_UP_SECONDS", "20"));
    /** Where the summary table goes besides the console (BENCH_SUMMARY), if anywhere. */
    static final String SUMMARY = setting("summary", "BENCH_SUMMARY", "");

    final Map<String, StepResults> results = new LinkedHashMap<>();

    final List<String> tokens = List.of(Keycloak.token(KEYCLOAK, "resident1"), Keycloak.token(KEYCLOAK, "resident2"));

    final HttpProtocolBuilder protocol = http
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        if (WARM_UP_SECONDS > 0) {
            steps.add(step("warm-up gateway", GATEWAY, 20, WARM_UP_SECONDS));
            steps.add(step("warm-up case-service", CASE_SERVICE, 20, WARM_UP_SECONDS));
        }
        for (int rate : RATES) {
            steps.add(step("gateway", GATEWAY, rate, STEP_SECONDS));
            steps.add(step("case-service", CASE_SERVICE, rate, STEP_SECONDS));
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    PopulationBuilder step(String target, String baseUrl, int rate, int seconds) {
        String name = target + " " + rate + "/s";
        StepResults step = new StepResults(name, rate);
        results.put(name, step);
        return scenario(name)
                .exec(http(name).post(baseUrl + "/api/cases")
                        .header("Authorization", session -> "Bearer "
                                + tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())))
                        .body(StringBody(session -> report()))
                        .check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), status().is(201)))
                .exec(session -> {
                    step.record(session);
                    return session;
                })
                .injectOpen(nothingFor(PAUSE_SECONDS), constantUsersPerSec(rate).during(seconds));
    }

    @Override
    public void after() {
        StringBuilder table = new StringBuilder(StepResults.header()).append('\n');
        results.values().forEach(step -> table.append(step.row()).append('\n'));
        table.append('\n').append("Gateway ÷ case-service at each rate:\n\n");
        for (int rate : RATES) {
            StepResults viaGateway = results.get("gateway " + rate + "/s");
            StepResults direct = results.get("case-service " + rate + "/s");
            table.append(String.format("- %d/s: throughput %.2f, p50 %.2f, p99 %.2f%n", rate,
                    viaGateway.okPerSecond() / direct.okPerSecond(),
                    viaGateway.percentiles().p50() / direct.percentiles().p50(),
                    viaGateway.percentiles().p99() / direct.percentiles().p99()));
        }
        System.out.println("\n" + table);
        if (!SUMMARY.isEmpty()) {
            try {
                Files.writeString(Path.of(SUMMARY), table);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String setting(String property, String environment, String otherwise) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? otherwise : value;
    }

    static String report() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("{\"categoryCode\":\"EXPOSED_RUBBISH\",\"description\":\"压测：垃圾堆积\","
                + "\"point\":{\"lon\":%.6f,\"lat\":%.6f},\"locationDescription\":\"压测\"}",
                119.0213 + (random.nextDouble() - 0.5) * 0.002, 33.6012 + (random.nextDouble() - 0.5) * 0.002);
    }
}
