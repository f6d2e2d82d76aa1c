package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.grassroots.gateway.StandInService.ReceivedRequest;
import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of five stand-in services, one per real service, checking tokens signed by
 * the test issuer. Test classes that extend this and declare nothing else share one running gateway
 * (Spring's context cache) and the stand-ins. The per-address rate limit is raised so that the
 * classes' requests together, all from 127.0.0.1, never meet it; {@code GatewayLimitsIT} tests it. So is
 * admission, so that sixty callers at once reach the bulkhead behind it; {@code GatewayAdmissionIT} tests it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"grassroots.gateway.rate-limit.per-client-ip.capacity=100000",
                "grassroots.gateway.admission.max-in-flight=100"})
@AutoConfigureWebTestClient
abstract class GatewayInFrontOfStandIns {

    static final StandInService ORG_SERVICE = StandInService.start("org-service");
    static final StandInService GRID_SERVICE = StandInService.start("grid-service");
    static final StandInService CASE_SERVICE = StandInService.start("case-service");
    static final StandInService VOLUNTEER_SERVICE = StandInService.start("volunteer-service");
    // Answers after a short pause, so that many calls to it are in flight at once.
    static final StandInService EVALUATION_SERVICE =
            StandInService.startAnsweringAfter("evaluation-service", Duration.ofMillis(300));
    static final List<StandInService> SERVICES =
            List.of(ORG_SERVICE, GRID_SERVICE, CASE_SERVICE, VOLUNTEER_SERVICE, EVALUATION_SERVICE);

    static {
        // The stand-ins live as long as the test JVM, like the cached context that points at them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVICES.forEach(StandInService::close)));
    }

    @DynamicPropertySource
    static void pointTheGatewayAtTheStandIns(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URL", ORG_SERVICE::url);
        registry.add("GRID_SERVICE_URL", GRID_SERVICE::url);
        registry.add("CASE_SERVICE_URL", CASE_SERVICE::url);
        registry.add("VOLUNTEER_SERVICE_URL", VOLUNTEER_SERVICE::url);
        registry.add("EVALUATION_SERVICE_URL", EVALUATION_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @Autowired
    WebTestClient gateway;

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        SERVICES.forEach(StandInService::forget);
    }

    static WebTestClient.ResponseSpec expectProblem(WebTestClient.ResponseSpec response, int status,
            String type, String title, String instance) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(CorrelationId.HEADER)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:" + type)
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo(instance);
        return response;
    }

    static ReceivedRequest onlyRequestTo(StandInService owner) {
        assertThat(owner.received()).hasSize(1);
        assertThat(SERVICES.stream().filter(service -> service != owner).flatMap(service -> service.received().stream()))
                .as("requests reaching services other than %s", owner.name())
                .isEmpty();
        return owner.received().get(0);
    }

    static List<ReceivedRequest> allReceived() {
        return SERVICES.stream().flatMap(service -> service.received().stream()).toList();
    }
}
