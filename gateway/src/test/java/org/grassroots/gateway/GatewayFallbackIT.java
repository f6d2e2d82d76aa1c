package org.grassroots.gateway;

import java.time.Duration;

import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
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
 * The gateway when services cannot answer: case-service is down (nothing listens on its port) and
 * volunteer-service answers more slowly than the circuit breaker's time limit, shortened here to 1s.
 * A separate context from {@link GatewayRoutingIT}, whose services must all be up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "grassroots.gateway.circuit-breaker.timeout=1s")
@AutoConfigureWebTestClient
class GatewayFallbackIT {

    private static final String CASE_SERVICE_DOWN = StandInService.unusedUrl();
    private static final StandInService SLOW_VOLUNTEER_SERVICE =
            StandInService.startAnsweringAfter("volunteer-service", Duration.ofSeconds(5));

    @DynamicPropertySource
    static void pointTheGatewayAtServicesThatCannotAnswer(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", () -> CASE_SERVICE_DOWN);
        registry.add("VOLUNTEER_SERVICE_URL", SLOW_VOLUNTEER_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIn() {
        SLOW_VOLUNTEER_SERVICE.close();
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
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("case-service is unavailable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/cases");
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
}
