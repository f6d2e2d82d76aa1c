package org.grassroots.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseLocated;
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
 * Placing an unlocated case by hand ({@code POST /api/cases/{id}/locate}) against a stand-in
 * grid-service: points west of 119.1°E lie in 城南社区's first micro-grid, points east of it outside
 * every grid. A resident of 河滨 reports while grid-service fails, so the case waits unlocated in
 * 河滨's triage; staff of 河滨 (who hold it) or of 城南 (where it lands) place it.
 */
@ServiceIntegrationTest
class LocateCaseIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final StandInGridService GRID_SERVICE = new StandInGridService();

    static final String CHENGNAN_DISPATCHER = TestTokens.staff("dispatcher-chengnan", "community_staff", CHENGNAN)
            .bearer();
    static final String HUAIHAI_DISPATCHER = TestTokens
            .staff("dispatcher-huaihai", "community_staff", "/qjp/qjp-changxi/qjp-changxi-huaihai").bearer();
    static final String INSIDE = "{\"point\": {\"lon\": 119.0216, \"lat\": 33.6014}, \"locationDescription\": \"健康东路路口\"}";
    static final String OUTSIDE = "{\"point\": {\"lon\": 119.5, \"lat\": 33.6}}";

    @DynamicPropertySource
    static void gridService(DynamicPropertyRegistry properties) {
        properties.add("grassroots.grid-service.url", GRID_SERVICE::url);
        properties.add("grassroots.grid-service.timeout", () -> "1s");
        properties.add("grassroots.grid-service.attempts", () -> "1");
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
    /** 河滨 as each test's own area, so that its triage holds only the test's cases. */
    String hebin;
    String resident;
    String hebinDispatcher;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        hebin = "/qjp/qjp-pulou/qjp-pulou-hebin-" + UUID.randomUUID().toString().substring(0, 8);
        resident = TestTokens.resident("resident-hebin", hebin).bearer();
        hebinDispatcher = TestTokens.staff("dispatcher-hebin", "community_staff", hebin).bearer();
        GRID_SERVICE.mode(StandInGridService.Mode.UP);
        resetCircuit();
    }

    @Test
    void givenAnUnlocatedCase_whenStaffOfTheAreaWhereThePointLandsPlaceIt_thenItMovesToThatArea() {
        String id = unlocatedReport();
        assertThat(triage(hebinDispatcher)).contains(id);
        client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, CHENGNAN_DISPATCHER).exchange()
                .expectStatus().isNotFound();

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            locate(id, CHENGNAN_DISPATCHER, INSIDE).expectStatus().isOk().expectBody()
                    .jsonPath("$.located").isEqualTo(true)
                    .jsonPath("$.gridCode").isEqualTo("32081200100100101")
                    .jsonPath("$.gridName").isEqualTo("城南社区第一网格第1微网格")
                    .jsonPath("$.communityId").isEqualTo("qjp-pulou-chengnan")
                    .jsonPath("$.streetId").isEqualTo("qjp-pulou")
                    .jsonPath("$.orgPath").isEqualTo(CHENGNAN)
                    .jsonPath("$.point.lon").isEqualTo(119.0216)
                    .jsonPath("$.locationDescription").isEqualTo("健康东路路口")
                    .jsonPath("$.unlocatedReason").doesNotExist();

            List<ConsumerRecord<String, byte[]>> located = probe.awaitRecords(record -> id.equals(record.key())
                    && "org.grassroots.case.located".equals(TopicProbe.header(record, CloudEventHeaders.TYPE)), 1,
                    Duration.ofSeconds(30));
            CaseLocated event = (CaseLocated) codec.read("org.grassroots.case.located", located.get(0).value());
            assertThat(event.orgPath()).isEqualTo(CHENGNAN);
            assertThat(event.previousOrgPath()).isEqualTo(hebin);
            assertThat(event.facts().gridCode()).isEqualTo("32081200100100101");
            assertThat(event.facts().communityId()).isEqualTo("qjp-pulou-chengnan");
            assertThat(event.locatedBy()).isEqualTo("dispatcher-chengnan");
        }
        assertThat(triage(hebinDispatcher)).doesNotContain(id);
        client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, hebinDispatcher).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/cases/" + id + "/history").header(HttpHeaders.AUTHORIZATION, CHENGNAN_DISPATCHER)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[-1].action").isEqualTo("LOCATE")
                .jsonPath("$[-1].by").isEqualTo("dispatcher-chengnan");
    }

    @Test
    void givenStaffHoldingAnUnlocatedCase_whenTheyPlaceIt_thenItIsLocatedAndNotMovedAgain() {
        String id = unlocatedReport();
        client.post().uri("/api/cases/" + id + "/accept").header(HttpHeaders.AUTHORIZATION, hebinDispatcher)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

        locate(id, hebinDispatcher, "{\"version\": 1, \"point\": {\"lon\": 119.0216, \"lat\": 33.6014}}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type")
                .isEqualTo("urn:grassroots:problem:version-conflict");
        locate(id, hebinDispatcher, "{\"version\": 2, \"point\": {\"lon\": 119.0216, \"lat\": 33.6014}}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.orgPath").isEqualTo(CHENGNAN);

        locate(id, CHENGNAN_DISPATCHER, INSIDE).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:invalid-state")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("already located"));
    }

    @Test
    void givenAnUnlocatedCase_whenPlacedOutsideEveryGridOrByOutsiders_thenRefusedNamingThePointAndOutsidersAreToldNothing() {
        String id = unlocatedReport();

        locate(id, hebinDispatcher, OUTSIDE).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("point");
        locate(id, hebinDispatcher, "{\"locationDescription\": \"东门\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("point");
        locate(id, hebinDispatcher, "{\"point\": {\"lon\": 200, \"lat\": 33.6}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("point.lon");
        locate(id, HUAIHAI_DISPATCHER, INSIDE).expectStatus().isNotFound();
        locate(id, resident, INSIDE).expectStatus().isForbidden();
        locate("no-such-case", CHENGNAN_DISPATCHER, INSIDE).expectStatus().isNotFound();
        assertThat(triage(hebinDispatcher)).contains(id);
    }

    @Test
    void givenGridServiceCannotAnswer_whenACaseIsPlaced_thenItStaysUnlocatedAndTheCallerMayTryAgain() {
        String id = unlocatedReport();
        GRID_SERVICE.mode(StandInGridService.Mode.FAILING);

        locate(id, hebinDispatcher, INSIDE).expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable");
        client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, hebinDispatcher).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.located").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(1);

        GRID_SERVICE.mode(StandInGridService.Mode.UP);
        resetCircuit();
        locate(id, hebinDispatcher, INSIDE).expectStatus().isOk().expectBody().jsonPath("$.located").isEqualTo(true);
    }

    /** A report filed while grid-service fails: unlocated, held by the reporter's area (河滨). */
    private String unlocatedReport() {
        GRID_SERVICE.mode(StandInGridService.Mode.FAILING);
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, resident)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"categoryCode": "BROKEN_STREET_LIGHT", "description": "路灯不亮",
                         "point": {"lon": 119.0216, "lat": 33.6014}}
                        """).exchange()
                .expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
        GRID_SERVICE.mode(StandInGridService.Mode.UP);
        resetCircuit();
        return id;
    }

    private void resetCircuit() {
        circuits.getCircuitBreakerRegistry().find(GridLocator.CIRCUIT).ifPresent(CircuitBreaker::reset);
    }

    private RestTestClient.ResponseSpec locate(String id, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/locate").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private List<String> triage(String bearer) {
        return client.get().uri("/api/cases/triage?size=100").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody().items().stream()
                .map(Created::id).toList();
    }

    record Created(String id) {
    }

    record Page(List<Created> items) {
    }
}
