package org.grassroots.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Intake against a stand-in grid-service: located reports, reports outside every grid, a
 * grid-service that fails or hangs (the case is still accepted, unlocated, and the circuit opens,
 * then closes when grid-service is back), duplicates nearby, the hotline and the staff channels.
 */
@ServiceIntegrationTest
class IntakeIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String HEBIN = "/qjp/qjp-pulou/qjp-pulou-hebin";
    static final StandInGridService GRID_SERVICE = new StandInGridService();

    @DynamicPropertySource
    static void gridService(DynamicPropertyRegistry properties) {
        properties.add("grassroots.grid-service.url", GRID_SERVICE::url);
        properties.add("grassroots.grid-service.timeout", () -> "1s");
        properties.add("grassroots.grid-service.attempts", () -> "2");
        properties.add("grassroots.grid-service.sliding-window-size", () -> "2");
        properties.add("grassroots.grid-service.wait-in-open-state", () -> "500ms");
    }

    @AfterAll
    static void stopGridService() {
        GRID_SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Resilience4JCircuitBreakerFactory circuits;

    @Autowired
    EventCodec codec;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        GRID_SERVICE.mode(StandInGridService.Mode.UP);
        circuits.getCircuitBreakerRegistry().find(GridLocator.CIRCUIT).ifPresent(CircuitBreaker::reset);
    }

    @Test
    void givenAPointInsideAGrid_whenReported_thenTheCaseIsLocatedToItsMicroGridWithTheReportersOwnToken() {
        // resident1 lives in 河滨 but reports rubbish in 城南: the case belongs where the rubbish is.
        String token = TestTokens.resident("resident-1", HEBIN).token();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            View located = report("Bearer " + token, "EXPOSED_RUBBISH", 119.0213, 33.6012);

            assertThat(located.located()).isTrue();
            assertThat(located.gridCode()).isEqualTo("32081200100100101");
            assertThat(located.communityId()).isEqualTo("qjp-pulou-chengnan");
            assertThat(located.streetId()).isEqualTo("qjp-pulou");
            assertThat(located.orgPath()).isEqualTo(CHENGNAN);
            assertThat(GRID_SERVICE.authorizations()).contains("Bearer " + token);
            List<ConsumerRecord<String, byte[]>> records =
                    probe.awaitRecords(r -> located.id().equals(r.key()), 1, Duration.ofSeconds(30));
            CaseReported event = codec.read(records.get(0).value(), CaseReported.class);
            assertThat(event.facts().gridCode()).isEqualTo("32081200100100101");
            assertThat(event.orgPath()).isEqualTo(CHENGNAN);
        }
        String dispatcher = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
        client.get().uri("/api/cases?grid=320812001001001&size=100").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].gridCode").value(List.class,
                        codes -> assertThat(codes).isNotEmpty().containsOnly("32081200100100101"));
    }

    @Test
    void givenAPointOutsideEveryGrid_whenReported_thenItIsFiledUnlocatedWithTheReasonAndWaitsInTriage() {
        View outside = report(TestTokens.resident("resident-1", HEBIN).bearer(), "EXPOSED_RUBBISH", 119.3, 33.6);

        assertThat(outside.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(outside.located()).isFalse();
        assertThat(outside.unlocatedReason()).contains("outside every grid");
        assertThat(outside.orgPath()).isEqualTo(HEBIN);
        assertThat(circuit().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        client.get().uri("/api/cases/triage?size=100")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-2", "community_staff", HEBIN).bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + outside.id() + "')].unlocatedReason").exists();
    }

    @Test
    void givenGridServiceFailing_whenCasesAreReported_thenTheyAreAcceptedUnlocatedAndTheCircuitOpensAndClosesWhenItIsBack() {
        String resident = TestTokens.resident("resident-1", CHENGNAN).bearer();
        GRID_SERVICE.mode(StandInGridService.Mode.FAILING);

        View first = report(resident, "EXPOSED_RUBBISH", 119.0213, 33.6012);
        View second = report(resident, "EXPOSED_RUBBISH", 119.0213, 33.6012);

        assertThat(List.of(first, second)).allSatisfy(view -> {
            assertThat(view.located()).isFalse();
            assertThat(view.orgPath()).isEqualTo(CHENGNAN);
        });
        assertThat(circuit().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhileOpen = GRID_SERVICE.calls();
        View third = report(resident, "EXPOSED_RUBBISH", 119.0213, 33.6012);
        assertThat(third.unlocatedReason()).contains("circuit open");
        assertThat(GRID_SERVICE.calls()).isEqualTo(callsWhileOpen);
        client.get().uri("/api/cases/triage?size=100")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + first.id() + "')]").exists();

        GRID_SERVICE.mode(StandInGridService.Mode.UP);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> report(resident, "EXPOSED_RUBBISH", 119.0213, 33.6012).located());
        assertThat(circuit().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenAGridServiceThatDoesNotAnswer_whenACaseIsReported_thenItIsGivenUpOnAfterTheTimeLimit() {
        GRID_SERVICE.mode(StandInGridService.Mode.HANGING);

        View view = report(TestTokens.resident("resident-1", CHENGNAN).bearer(), "EXPOSED_RUBBISH", 119.0213, 33.6012);

        assertThat(view.located()).isFalse();
        assertThat(view.unlocatedReason()).contains("did not answer in time");
    }

    @Test
    void givenAnOpenCase_whenTheSameCategoryIsReportedWithin50Metres_thenItIsLinkedAsAPossibleDuplicate() {
        String resident = TestTokens.resident("resident-2", CHENGNAN).bearer();
        View first = report(resident, "STREET_VENDING", 119.0500, 33.6200);

        View near = report(resident, "STREET_VENDING", 119.0504, 33.6201);
        View far = report(resident, "STREET_VENDING", 119.0530, 33.6200);
        View otherCategory = report(resident, "OPEN_BURNING", 119.0500, 33.6200);

        assertThat(first.possibleDuplicateOf()).isNull();
        assertThat(near.possibleDuplicateOf()).isEqualTo(first.id());
        assertThat(far.possibleDuplicateOf()).isNull();
        assertThat(otherCategory.possibleDuplicateOf()).isNull();
        client.get().uri("/api/cases?duplicate=true&category=STREET_VENDING")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(List.class, ids -> assertThat(ids).containsExactly(near.id()));
    }

    @Test
    void givenAHotlineCaseFiledByItsOwnId_whenTheHotlineCallsAgain_thenItGetsTheSameCaseBack() {
        String hotline = TestTokens.user("svc-hotline-12345").roles("hotline").orgPath("/qjp").bearer();
        String body = """
                {"externalId": "12345-20261123-0042", "categoryCode": "BROKEN_STREET_LIGHT",
                 "description": "市民来电：健康东路路灯不亮", "locationDescription": "健康东路淮海南路口",
                 "point": {"lon": 119.0213, "lat": 33.6012}}
                """;

        View created = client.post().uri("/api/cases/hotline").header(HttpHeaders.AUTHORIZATION, hotline)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(View.class).returnResult().getResponseBody();
        View again = client.post().uri("/api/cases/hotline").header(HttpHeaders.AUTHORIZATION, hotline)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk().expectBody(View.class).returnResult().getResponseBody();

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(again.number()).isEqualTo(created.number());
        assertThat(created.channel()).isEqualTo(Channel.HOTLINE_12345);
        assertThat(created.externalId()).isEqualTo("12345-20261123-0042");
        assertThat(created.orgPath()).isEqualTo(CHENGNAN);
        client.post().uri("/api/cases/hotline")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isForbidden();
    }

    @Test
    void givenAHotlineCaseWithoutAPoint_whenFiled_thenItIsUnlocatedInTheHotlinesAreaForTheDistrictToTriage() {
        String hotline = TestTokens.user("svc-hotline-12345").roles("hotline").orgPath("/qjp").bearer();

        View view = client.post().uri("/api/cases/hotline").header(HttpHeaders.AUTHORIZATION, hotline)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"externalId": "12345-20261123-0043", "categoryCode": "BROKEN_STREET_LIGHT",
                         "description": "市民来电：小区门口路灯不亮", "locationDescription": "水渡口广场附近"}
                        """).exchange()
                .expectStatus().isCreated().expectBody(View.class).returnResult().getResponseBody();

        assertThat(view.located()).isFalse();
        assertThat(view.unlocatedReason()).isEqualTo("no point was given");
        client.get().uri("/api/cases/triage?size=100")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("admin-1", "district_admin", "/qjp").bearer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + view.id() + "')]").exists();
    }

    @Test
    void givenGridWorkersAndPartTimeGridWorkers_whenTheyReport_thenTheyReportThroughTheirOwnChannels() {
        View byGridWorker = report(TestTokens.staff("grid-worker-1", "grid_worker", CHENGNAN).bearer(),
                "OPEN_BURNING", 119.0213, 33.6012);
        View byCourier = report(TestTokens.user("courier-1").roles("part_time_worker", "volunteer").orgPath(CHENGNAN)
                .bearer(), "SHARED_BICYCLES_PILED", 119.0213, 33.6012);

        assertThat(byGridWorker.channel()).isEqualTo(Channel.GRID_WORKER);
        assertThat(byCourier.channel()).isEqualTo(Channel.PART_TIME_WORKER);
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("OPEN_BURNING", 119.0213, 33.6012).replace("{", "{\"channel\": \"GRID_WORKER\", "))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void givenARequiredAnswerLeftOut_whenReported_thenRefusedOnItsField() {
        client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON).body(body("BURST_WATER_PIPE", 119.0213, 33.6012))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("answers.waterStillFlowing");
    }

    @Test
    void givenManyReportsOfOnePlaceAtOnce_whenFiled_thenEveryOneIsCreatedWithItsOwnNumber() throws Exception {
        String resident = TestTokens.resident("resident-1", CHENGNAN).bearer();
        // A place no other test reports at, so its cell of the duplicate search is new and every report races to open it.
        double lon = 119.02 + ThreadLocalRandom.current().nextDouble(0.001, 0.009);
        double lat = 33.60 + ThreadLocalRandom.current().nextDouble(0.001, 0.009);
        int reports = 64;
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                answers.add(callers.submit(() -> {
                    start.await();
                    var result = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, resident)
                            .contentType(MediaType.APPLICATION_JSON).body(body("EXPOSED_RUBBISH", lon, lat)).exchange()
                            .returnResult(String.class);
                    return result.getStatus().value() + " " + result.getResponseBody();
                }));
            }
            start.countDown();
            List<String> refused = new ArrayList<>();
            Set<String> numbers = new HashSet<>();
            for (Future<String> answer : answers) {
                String statusAndBody = answer.get(60, TimeUnit.SECONDS);
                Matcher number = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"").matcher(statusAndBody);
                if (!statusAndBody.startsWith("201 ") || !number.find()) {
                    refused.add(statusAndBody);
                } else {
                    numbers.add(number.group(1));
                }
            }

            assertThat(refused).isEmpty();
            assertThat(numbers).hasSize(reports);
        } finally {
            callers.shutdownNow();
        }
    }

    /** The breaker as the locator made it (looked up, never created here with another configuration). */
    private CircuitBreaker circuit() {
        return circuits.getCircuitBreakerRegistry().find(GridLocator.CIRCUIT).orElseThrow();
    }

    private View report(String bearer, String category, double lon, double lat) {
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body(category, lon, lat)).exchange()
                .expectStatus().isCreated().expectBody(View.class).returnResult().getResponseBody();
    }

    private static String body(String category, double lon, double lat) {
        return """
                {"categoryCode": "%s", "description": "现场情况描述", "point": {"lon": %s, "lat": %s}}
                """.formatted(category, lon, lat);
    }

    record View(String id, String number, CaseStatus status, Channel channel, String orgPath, boolean located,
            String unlocatedReason, String gridCode, String communityId, String streetId, String possibleDuplicateOf,
            String externalId) {
    }
}
