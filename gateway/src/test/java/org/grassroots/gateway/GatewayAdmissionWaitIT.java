package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Admission with room to wait, over real connections: two reports inside at once, three more waiting
 * for a place. A burst of eight against a case-service that answers in 300 ms: two go in, three wait
 * and go in as places come free, in time, and the other three are answered 503 with
 * {@code Retry-After} at once. The service never has more than two at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "grassroots.gateway.admission.max-in-flight=2",
        "grassroots.gateway.admission.max-waiting=3",
        "grassroots.gateway.admission.max-wait=2s",
        "grassroots.gateway.admission.retry-after=2s",
        "grassroots.gateway.rate-limit.enabled=false"})
class GatewayAdmissionWaitIT {

    private static final StandInService CASE_SERVICE =
            StandInService.startAnsweringAfter("case-service", Duration.ofMillis(300));

    @DynamicPropertySource
    static void pointTheGatewayAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("CASE_SERVICE_URL", CASE_SERVICE::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer::jwkSetUri);
    }

    @AfterAll
    static void stopTheStandIn() {
        CASE_SERVICE.close();
    }

    @LocalServerPort
    int port;

    record Answer(int status, String retryAfter, long millis) {
    }

    @Test
    void givenTwoPlacesAndThreeToWait_whenEightReportsComeAtOnce_thenFiveAreTakenInTurnAndThreeAre503AtOnce() {
        String bearer = TestTokens.resident("resident-8", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();
        ConnectionProvider connections = ConnectionProvider.create("burst", 8);
        try {
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))).build();
            // The first request over a new connection pays for the gateway's first token check: not part of the burst.
            report(client, bearer).block(Duration.ofSeconds(10));
            CASE_SERVICE.forget();

            List<Answer> answers = Flux.range(0, 8).flatMap(i -> report(client, bearer), 8).collectList()
                    .block(Duration.ofSeconds(20));

            assertThat(answers).hasSize(8);
            assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(5);
            assertThat(answers).filteredOn(answer -> answer.status() == 503).hasSize(3).allSatisfy(answer -> {
                assertThat(answer.retryAfter()).isEqualTo("2");
                assertThat(answer.millis()).as("turned away at once, not after a wait").isLessThan(300);
            });
            assertThat(answers).filteredOn(answer -> answer.status() == 200)
                    .extracting(Answer::millis).as("the last of them went in third in turn")
                    .anySatisfy(millis -> assertThat(millis).isGreaterThanOrEqualTo(600));
            assertThat(CASE_SERVICE.received()).hasSize(5);
            assertThat(CASE_SERVICE.mostAtOnce()).isEqualTo(2);
        }
        finally {
            connections.dispose();
        }
    }

    private static Mono<Answer> report(WebClient client, String bearer) {
        return Mono.defer(() -> {
            long began = System.nanoTime();
            return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"categoryCode\":\"EXPOSED_RUBBISH\"}")
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(body -> new Answer(response.statusCode().value(),
                                    response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                    (System.nanoTime() - began) / 1_000_000)));
        });
    }
}
