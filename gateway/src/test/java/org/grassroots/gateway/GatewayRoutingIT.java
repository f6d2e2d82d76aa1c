package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.gateway.StandInService.ReceivedRequest;
import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Routing of every API path, token checks and problem details, in front of the stand-in services. */
class GatewayRoutingIT extends GatewayInFrontOfStandIns {

    @Autowired
    WebFilterChainProxy securityChain;

    @Test
    void givenAValidToken_whenACaseIsRead_thenCaseServiceGetsTheTokenAndACorrelationId() {
        String bearer = TestTokens.user("resident-1").roles("resident").bearer();

        String correlationId = gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("case-service")
                .returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        ReceivedRequest received = onlyRequestTo(CASE_SERVICE);
        assertThat(received.pathAndQuery()).isEqualTo("/api/cases/42");
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer);
        assertThat(correlationId).isNotBlank();
        assertThat(received.header(CorrelationId.HEADER)).isEqualTo(correlationId);
    }

    @Test
    void givenACorrelationId_whenAGridIsLocated_thenItIsPassedOnAndReturnedUnchanged() {
        gateway.get().uri("/api/grids/locate?lon=118.78&lat=32.04")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("grid-worker-3").roles("grid_worker").bearer())
                .header(CorrelationId.HEADER, "hotline-12345-7f3a")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(CorrelationId.HEADER, "hotline-12345-7f3a");

        assertThat(onlyRequestTo(GRID_SERVICE).header(CorrelationId.HEADER)).isEqualTo("hotline-12345-7f3a");
    }

    @Test
    void givenNoToken_whenACaseIsReported_thenTheGatewayAnswers401ProblemAndNoServiceIsCalled() {
        WebTestClient.ResponseSpec response = gateway.post().uri("/api/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\":\"noise\"}")
                .exchange();

        expectProblem(response, 401, "unauthorized", ProblemType.UNAUTHORIZED.title(), "/api/cases")
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(allReceived()).isEmpty();
    }

    @Test
    void givenAnExpiredToken_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        WebTestClient.ResponseSpec response = gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").expired().bearer())
                .exchange();

        expectProblem(response, 401, "unauthorized", ProblemType.UNAUTHORIZED.title(), "/api/cases/42")
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        assertThat(allReceived()).isEmpty();
    }

    @Test
    void givenATokenSignedByAStrangerKey_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        WebTestClient.ResponseSpec response = gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION,
                        TestTokens.user("resident-1").roles("resident").signedByStrangerKey().bearer())
                .exchange();

        expectProblem(response, 401, "unauthorized", ProblemType.UNAUTHORIZED.title(), "/api/cases/42");
        assertThat(allReceived()).isEmpty();
    }

    @Test
    void givenAnUnsignedToken_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        expectRefused(TestTokens.user("admin-1").roles("platform_admin").unsigned().bearer());
    }

    @Test
    void givenAMalformedBearerHeader_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        String token = TestTokens.user("resident-1").roles("resident").bearer().substring("Bearer ".length());
        expectRefused("Bearer  " + token);
        expectRefused("Bearer " + token + "=x");
    }

    @Test
    void givenTheSchemeInLowerCase_whenACaseIsRead_thenTheTokenIsReadAndPassedOnUnchanged() {
        String bearer = "bearer " + TestTokens.user("resident-1").roles("resident").bearer().substring("Bearer ".length());

        gateway.get().uri("/api/cases/42").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk();

        assertThat(onlyRequestTo(CASE_SERVICE).header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer);
    }

    /**
     * U+0085 is a control character: the gateway's firewall refuses a header that holds one before the
     * token is looked at (which would answer 401). Reactor Netty lets the byte through (obs-text), so
     * it is written on a socket of its own.
     */
    @Test
    void givenAControlCharacterInTheAuthorizationHeader_whenACaseIsRead_thenTheFirewallRefusesTheRequest()
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /api/cases/42 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer abc\u0085def\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
        assertThat(allReceived()).isEmpty();
    }

    @Test
    void givenATokenFromAnotherIssuer_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        expectRefused(TestTokens.user("resident-1").roles("resident")
                .issuer("http://elsewhere.example/realms/grassroots").bearer());
    }

    @Test
    void givenATokenMeantForAnotherAudience_whenACaseIsRead_thenTheGatewayAnswers401Problem() {
        expectRefused(TestTokens.user("resident-1").roles("resident").audience("account").bearer());
    }

    @Test
    void givenADepartmentSystemsClientCredentialsToken_whenItsInboxIsRead_thenCaseServiceGetsIt() {
        String bearer = TestTokens.departmentSystem("dept-urban-system", "dept-urban").bearer();

        gateway.get().uri("/api/cases/inbox")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus().isOk();

        assertThat(onlyRequestTo(CASE_SERVICE).header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer);
    }

    @Test
    void givenAValidToken_whenAnActuatorEndpointThatIsNotPublicIsAsked_thenTheGatewayAnswers403Problem() {
        WebTestClient.ResponseSpec response = gateway.get().uri("/actuator/env")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("admin-1").roles("platform_admin").bearer())
                .exchange();

        expectProblem(response, 403, "forbidden", ProblemType.FORBIDDEN.title(), "/actuator/env");
    }

    @Test
    void givenAValidToken_whenAFallbackIsAskedDirectly_thenTheGatewayAnswers403Problem() {
        WebTestClient.ResponseSpec response = gateway.get().uri("/fallback/case-service")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange();

        expectProblem(response, 403, "forbidden", ProblemType.FORBIDDEN.title(), "/fallback/case-service");
    }

    @Test
    void givenAValidToken_whenAnApiPathNoServiceOwnsIsAsked_thenTheGatewayAnswers404Problem() {
        WebTestClient.ResponseSpec response = gateway.get().uri("/api/weather")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange();

        expectProblem(response, 404, "not-found", ProblemType.NOT_FOUND.title(), "/api/weather");
        assertThat(allReceived()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} reaches {2}")
    @CsvSource({
            "GET,  /api/orgs/district-1/children,              org-service",
            "GET,  /api/members/m-7,                           org-service",
            "GET,  /api/departments,                           org-service",
            "GET,  /api/partners/p-3,                          org-service",
            "GET,  /api/stations/nearest,                      org-service",
            "GET,  /api/grids/locate?lon=118.78&lat=32.04,     grid-service",
            "GET,  /api/households/h-9,                        grid-service",
            "GET,  /api/pii-audit,                             grid-service",
            "POST, /api/cases,                                 case-service",
            "POST, /api/cases/c-42/dispatch,                   case-service",
            "GET,  /api/categories,                            case-service",
            "PUT,  /api/calendars/2027,                        case-service",
            "GET,  /api/points/ledger,                         volunteer-service",
            "POST, /api/timebank/deposits,                     volunteer-service",
            "GET,  /api/activities/a-1,                        volunteer-service",
            "POST, /api/registrations,                         volunteer-service",
            "GET,  /api/wishes,                                volunteer-service",
            "POST, /api/ratings,                               evaluation-service",
            "GET,  /api/stats/communities,                     evaluation-service",
            "GET,  /api/rectifications,                        evaluation-service",
            "GET,  /api/evaluations/property-companies,        evaluation-service"
    })
    void givenAnApiPath_whenCalled_thenItReachesTheServiceThatOwnsIt(String method, String pathAndQuery, String owner) {
        gateway.method(HttpMethod.valueOf(method)).uri(pathAndQuery)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("community-staff-1").roles("community_staff").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(owner);

        StandInService ownerService = SERVICES.stream().filter(service -> service.name().equals(owner)).findFirst().orElseThrow();
        ReceivedRequest received = onlyRequestTo(ownerService);
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.pathAndQuery()).isEqualTo(pathAndQuery);
    }

    @Test
    void givenManyCallersAtOnce_whenTheyAllReadStatistics_thenNoneIsTurnedAway() {
        int callers = 60;
        String bearer = TestTokens.user("street-staff-2").roles("street_staff").bearer();
        ConnectionProvider connections = ConnectionProvider.create("callers", callers);
        try {
            WebClient client = WebClient.builder()
                    .baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                    .build();

            List<Integer> statuses = Flux.range(0, callers)
                    .flatMap(caller -> client.get().uri("/api/stats/communities")
                            .header(HttpHeaders.AUTHORIZATION, bearer)
                            .exchangeToMono(response -> response.releaseBody()
                                    .thenReturn(response.statusCode().value())), callers)
                    .collectList()
                    .block(Duration.ofSeconds(20));

            assertThat(statuses).hasSize(callers).containsOnly(200);
            assertThat(EVALUATION_SERVICE.received()).hasSize(callers);
        }
        finally {
            connections.dispose();
        }
    }

    @Test
    void givenNoToken_whenTheProbesAreAsked_thenLivenessAndReadinessAreUp() {
        Stream.of("/actuator/health/liveness", "/actuator/health/readiness").forEach(probe -> gateway.get().uri(probe)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP"));
    }

    @Test
    void givenNoToken_whenPrometheusScrapes_thenTheGatewayAnswersWithMetrics() {
        gateway.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }

    @Test
    void givenARoutedCall_whenPrometheusScrapes_thenTheRequestAndItsRouteAreTimedOnceButSpringSecuritysOwnStepsAreNot() {
        gateway.get().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange()
                .expectStatus().isOk();

        gateway.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("http_server_requests_seconds_count{")
                        .containsPattern("http_client_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"case-service\"")
                        .doesNotContain("spring_cloud_gateway_requests")
                        .doesNotContain("spring_security_"));
    }

    /** The property above only makes them no-ops; the chain is not wrapped for them at all. */
    @Test
    void givenSpringSecuritysObservationsOff_thenTheSecurityChainIsNotWrappedForThem() {
        assertThat(ReflectionTestUtils.getField(securityChain, "filterChainDecorator"))
                .isNotNull()
                .isNotInstanceOf(ObservationWebFilterChainDecorator.class);
    }

    @Test
    void givenNoToken_whenOpen311IsReadAndARequestIsPosted_thenBothReachCaseServiceWhichChecksTheApiKey() {
        gateway.get().uri("/open311/v2/services.xml?jurisdiction_id=qjp")
                .exchange()
                .expectStatus().isOk();
        gateway.post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("api_key=open311-app%3Asecret&service_code=EXPOSED_RUBBISH&lat=33.6&long=119.02")
                .exchange()
                .expectStatus().isOk();

        assertThat(allReceived()).extracting(ReceivedRequest::method, ReceivedRequest::pathAndQuery).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/open311/v2/services.xml?jurisdiction_id=qjp"),
                org.assertj.core.groups.Tuple.tuple("POST", "/open311/v2/requests.json"));
        assertThat(new String(allReceived().get(1).body(), StandardCharsets.UTF_8))
                .contains("api_key=open311-app%3Asecret");
    }

    private void expectRefused(String bearer) {
        WebTestClient.ResponseSpec response = gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange();

        expectProblem(response, 401, "unauthorized", ProblemType.UNAUTHORIZED.title(), "/api/cases/42")
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        assertThat(allReceived()).isEmpty();
    }
}
