package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.grassroots.gateway.StandInService.ReceivedRequest;
import org.grassroots.gateway.warmup.WarmUp;
import org.grassroots.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * With a service that answers, the gateway's warm-up goes on through it: it proxies its read to the
 * service the configured number of times before it is ready, without its secret and without a line
 * in the access log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "grassroots.gateway.warm-up.requests=20",
        "grassroots.gateway.warm-up.through-requests=50"})
class GatewayWarmUpThroughIT {

    static final StandInService CASE_SERVICE = StandInService.start("case-service");
    static final String THROUGH = "/open311/v2/services.json";

    @DynamicPropertySource
    static void pointTheGatewayAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", CASE_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Test
    void givenAServiceThatAnswers_whenTheGatewayWarmsUp_thenItProxiesThroughItBeforeItIsReadyWithoutItsSecretOrLogLines(
            CapturedOutput output) {
        WebClient client = WebClient.create("http://localhost:" + port);
        Awaitility.await("ready once warm").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get().uri("/actuator/health/readiness").exchangeToMono(answer -> answer.releaseBody()
                        .thenReturn(answer.statusCode().value())).block(Duration.ofSeconds(10)) == 200);

        List<ReceivedRequest> through = CASE_SERVICE.received().stream()
                .filter(request -> request.pathAndQuery().equals(THROUGH)).toList();
        assertThat(through).hasSize(50);
        assertThat(through).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header(WarmUp.HEADER)).isNull();
        });
        assertThat(output.getAll())
                .contains("50 through it to " + THROUGH + ", answers {200=50}")
                .doesNotContain("path=" + THROUGH);
    }
}
