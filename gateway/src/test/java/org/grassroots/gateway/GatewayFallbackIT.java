package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway when services cannot answer: case-service is down (nothing listens on its port),
 * volunteer-service answers more slowly than the circuit breaker's time limit, shortened here to 1s,
 * and grid-service fails now and then (a 503 from an instance that is restarting). A separate
 * context from {@link GatewayRoutingIT}, whose services must all be up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "grassroots.gateway.circuit-breaker.timeout=1s")
@AutoConfigureWebTestClient
class GatewayFallbackIT {

    private static final String CASE_SERVICE_DOWN = StandInService.unusedUrl();
    private static final StandInService SLOW_VOLUNTEER_SERVICE =
            StandInService.startAnsweringAfter("volunteer-service", Duration.ofSeconds(5));
    private static final StandInService FLAKY_GRID_SERVICE = StandInService.start("grid-service");

    @DynamicPropertySource
    static void pointTheGatewayAtServicesThatCannotAnswer(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", () -> CASE_SERVICE_DOWN);
        registry.add("VOLUNTEER_SERVICE_URL", SLOW_VOLUNTEER_SERVICE::url);
        registry.add("GRID_SERVICE_URL", FLAKY_GRID_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIns() {
        SLOW_VOLUNTEER_SERVICE.close();
        FLAKY_GRID_SERVICE.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        FLAKY_GRID_SERVICE.forget();
    }

    @Autowired
    private WebTestClient gateway;

    @Test
    void givenCaseServiceIsDown_whenACaseIsReported_thenTheGatewayAnswers503ProblemNamingIt() {
        gateway.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .header(CorrelationId.HEADER, "report-noise-0001")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\":\"noise\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(CorrelationId.HEADER, "report-noise-0001")
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo(ProblemType.SERVICE_UNAVAILABLE.title())
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("case-service is unavailable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/cases");
    }

    @Test
    void givenCaseServiceIsDown_whenTheCaseChangeStreamIsOpened_thenTheGatewayAnswers503Problem() {
        gateway.get().uri("/api/cases/changes")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("dispatcher-1").roles("community_staff").bearer())
                .header(HttpHeaders.ACCEPT, "text/event-stream")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.instance").isEqualTo("/api/cases/changes");
    }

    @Test
    void givenVolunteerServiceIsTooSlow_whenPointsAreRead_thenTheTimeLimitAnswers503ProblemNamingIt() {
        gateway.mutate().responseTimeout(Duration.ofSeconds(4)).build()
                .get().uri("/api/points/ledger")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("volunteer-8").roles("volunteer").bearer())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.detail").isEqualTo("volunteer-service is unavailable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/points/ledger");
    }

    @Test
    void givenCaseServiceIsDown_whenACaseIsRead_thenTheRetriesGiveUpAnd503ProblemNamesIt() {
        gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.detail").isEqualTo("case-service is unavailable; try again shortly");
    }

    @Test
    void givenGridServiceFailsOnce_whenAGridIsLocated_thenTheGatewayRetriesAndTheCallerGetsTheAnswer() {
        FLAKY_GRID_SERVICE.failNext(1, 503);

        gateway.get().uri("/api/grids/locate?lon=119.02&lat=33.60")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("grid-worker-3").roles("grid_worker").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("grid-service");

        assertThat(FLAKY_GRID_SERVICE.received()).hasSize(2)
                .allSatisfy(received -> assertThat(received.method()).isEqualTo("GET"));
    }

    @Test
    void givenGridServiceFailsOnce_whenAHouseholdIsRegistered_thenThePostIsNotRepeated() {
        FLAKY_GRID_SERVICE.failNext(1, 503);

        gateway.post().uri("/api/households")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("grid-worker-3").roles("grid_worker").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"building\":\"3\"}")
                .exchange()
                .expectStatus().isEqualTo(503);

        assertThat(FLAKY_GRID_SERVICE.received()).hasSize(1);
    }

    @Test
    void givenGridServiceAnswersAClientError_whenAGridIsRead_thenItIsNotRetried() {
        FLAKY_GRID_SERVICE.failNext(1, 404);

        gateway.get().uri("/api/grids/g-404")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("grid-worker-3").roles("grid_worker").bearer())
                .exchange()
                .expectStatus().isNotFound();

        assertThat(FLAKY_GRID_SERVICE.received()).hasSize(1);
    }
}
