package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The front door while a route's circuit breaker is open: org-service is down, two failed calls open
 * its breaker (window and minimum shortened to 2, the open wait to 2 s), and from then on its
 * requests are answered at the door, before the token is checked, until the breaker has gone
 * half-open by itself and org-service, back by then, answers again. A context of its own: the
 * breaker's state is the point, and no other test's calls may move it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grassroots.gateway.circuit-breaker.sliding-window-size=2",
                "grassroots.gateway.circuit-breaker.minimum-number-of-calls=2",
                "grassroots.gateway.circuit-breaker.wait-in-open-state=2s"})
@AutoConfigureWebTestClient
class GatewayOpenBreakerIT {

    private static final String ORG_SERVICE_URL = StandInService.unusedUrl();
    private static final StandInService GRID_SERVICE = StandInService.start("grid-service");
    private static StandInService orgServiceBack;

    @DynamicPropertySource
    static void pointTheGatewayAtADownOrgService(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URL", () -> ORG_SERVICE_URL);
        registry.add("GRID_SERVICE_URL", GRID_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIns() {
        GRID_SERVICE.close();
        if (orgServiceBack != null) {
            orgServiceBack.close();
        }
    }

    @Autowired
    private WebTestClient gateway;

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void givenOrgServiceIsDown_whenItsBreakerOpens_thenTheDoorTurnsItsRequestsAwayUntilTheBreakerTriesAgain() {
        String token = TestTokens.user("dispatcher-1").roles("community_staff").bearer();
        for (int call = 0; call < 2; call++) {
            gateway.post().uri("/api/orgs")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"第一社区党委\"}")
                    .exchange()
                    .expectStatus().isEqualTo(503);
        }
        assertThat(orgServiceBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // Without a token: the gateway would answer 401 if the request got as far as the token check.
        gateway.get().uri("/api/orgs/o-1")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[12]")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.detail").isEqualTo("org-service is unavailable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/orgs/o-1");
        // Another route, its breaker closed, goes its usual way: 401 without a token, 200 with one.
        gateway.get().uri("/api/grids/g-1").exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/api/grids/g-1")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus().isOk();

        orgServiceBack = StandInService.startAt("org-service", ORG_SERVICE_URL);
        // No call reaches the open breaker past the door, so it must try the service again by itself.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> orgServiceBreaker().getState() == CircuitBreaker.State.HALF_OPEN);
        gateway.get().uri("/api/orgs/o-1")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("org-service");
        assertThat(orgServiceBack.received()).hasSize(1);
    }

    private CircuitBreaker orgServiceBreaker() {
        return breakers.getCircuitBreakerRegistry().find("org-service").orElseThrow();
    }
}
