package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
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
 * Admission at the front door over real connections: with three requests inside (a case-service that
 * takes two seconds to answer) and none allowed to wait, the rest of a burst is answered 503 with
 * {@code Retry-After} at once, and never reaches the service ({@code GatewayAdmissionWaitIT}: with
 * room to wait).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "grassroots.gateway.admission.max-in-flight=3",
        "grassroots.gateway.admission.retry-after=2s",
        "grassroots.gateway.admission.max-waiting=0",
        "grassroots.gateway.rate-limit.enabled=false"})
class GatewayAdmissionIT {

    private static final StandInService CASE_SERVICE =
            StandInService.startAnsweringAfter("case-service", Duration.ofSeconds(2));

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

    record Answer(int status, String retryAfter, String body) {
    }

    @Test
    void givenThreeReportsInside_whenFiveMoreComeAtOnce_thenTheyAre503WithRetryAfterBeforeTheFirstThreeAreAnswered()
            throws Exception {
        String bearer = TestTokens.resident("resident-7", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();
        ConnectionProvider connections = ConnectionProvider.create("storm", 8);
        try {
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))).build();
            CompletableFuture<List<Answer>> inside = Flux.range(0, 3).flatMap(i -> report(client, bearer))
                    .collectList().toFuture();
            Awaitility.await("three reports inside").atMost(Duration.ofSeconds(10))
                    .until(() -> CASE_SERVICE.received().size() == 3);

            List<Answer> turnedAway = Flux.range(0, 5).flatMap(i -> report(client, bearer)).collectList()
                    .block(Duration.ofSeconds(10));

            assertThat(turnedAway).hasSize(5).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.retryAfter()).isEqualTo("2");
                assertThat(answer.body()).contains("urn:grassroots:problem:service-unavailable")
                        .contains("The platform is busy; try again in 2 s");
            });
            assertThat(inside.isDone()).as("the five were answered while the three were still inside").isFalse();
            assertThat(inside.get(10, TimeUnit.SECONDS)).extracting(Answer::status).containsOnly(200);
            assertThat(CASE_SERVICE.received()).hasSize(3);
            assertThat(report(client, bearer).block(Duration.ofSeconds(10)).status())
                    .as("with the three answered, the next is let in").isEqualTo(200);
        }
        finally {
            connections.dispose();
        }
    }

    private static Mono<Answer> report(WebClient client, String bearer) {
        return client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"categoryCode\":\"EXPOSED_RUBBISH\"}")
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body)));
    }
}
