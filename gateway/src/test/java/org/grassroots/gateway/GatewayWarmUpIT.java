package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.grassroots.testsupport.TestTokenIssuer;
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
 * A gateway just started is out of service until it has warmed up, over a real connection to its
 * readiness probe; its warm-up requests write no access-log line and take none of the loopback
 * address's rate limit, so the first real caller from this machine is not turned away.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // More than it can send: the warm-up ends at max-duration, long enough to be seen running
        // (4 s was not, twice, with a CI running beside it).
        "grassroots.gateway.warm-up.requests=10000000",
        "grassroots.gateway.warm-up.concurrency=2",
        "grassroots.gateway.warm-up.max-duration=10s",
        // Five requests from one address, refilled one every 100 s: one warm-up request counted would show.
        "grassroots.gateway.rate-limit.per-client-ip.capacity=5",
        "grassroots.gateway.rate-limit.per-client-ip.refill-per-second=0.01"})
class GatewayWarmUpIT {

    @DynamicPropertySource
    static void signedByTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Test
    void givenAGatewayJustStarted_whenItWarmsUp_thenItIsOutOfServiceUntilWarmAndLeavesNoLogLineAndNoShareOfTheLimit(
            CapturedOutput output) {
        WebClient client = WebClient.create("http://localhost:" + port);

        Answer warming = get(client, "/actuator/health/readiness");
        assertThat(warming.status()).isEqualTo(503);
        assertThat(warming.body()).contains("OUT_OF_SERVICE");
        Awaitility.await("ready once warm").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(client, "/actuator/health/readiness").status() == 200);

        List<Integer> firstCalls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            firstCalls.add(get(client, "/api/cases/mine").status());
        }
        assertThat(firstCalls).as("the whole limit of 5 left for callers, then 429")
                .containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(output.getAll())
                .contains("Warm-up done in")
                .doesNotContain("path=/api/warm-up")
                .contains("path=/api/cases/mine status=401");
    }

    record Answer(int status, String body) {
    }

    private static Answer get(WebClient client, String path) {
        return client.get().uri(path).exchangeToMono(answer -> answer.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Answer(answer.statusCode().value(), body))).block(Duration.ofSeconds(10));
    }
}
