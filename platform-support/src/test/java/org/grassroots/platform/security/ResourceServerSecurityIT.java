package org.grassroots.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Each service checks the token itself: signature, issuer, expiry, audience, then roles. */
@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class ResourceServerSecurityIT {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    HttpFirewall firewall;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenNoToken_whenCalling_then401ProblemDetails() {
        client.get().uri("/api/test/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:unauthorized")
                .jsonPath("$.title").isEqualTo("A valid bearer token is required")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("This needs a bearer token");
    }

    @Test
    void givenATokenSignedByAnotherKey_whenCalling_then401() {
        expectUnauthorized(TestTokens.resident("resident-1", FUQIAN).signedByStrangerKey().bearer());
    }

    @Test
    void givenAnExpiredToken_whenCalling_then401() {
        expectUnauthorized(TestTokens.resident("resident-1", FUQIAN).expired().bearer());
    }

    @Test
    void givenATokenFromAnotherIssuer_whenCalling_then401() {
        expectUnauthorized(TestTokens.resident("resident-1", FUQIAN).issuer("http://elsewhere/realms/grassroots").bearer());
    }

    @Test
    void givenATokenForAnotherAudience_whenCalling_then401() {
        expectUnauthorized(TestTokens.resident("resident-1", FUQIAN).audience("account").bearer());
    }

    @Test
    void givenAnUnsignedToken_whenCalling_then401() {
        expectUnauthorized(TestTokens.user("admin").roles(Roles.PLATFORM_ADMIN).unsigned().bearer());
    }

    @Test
    void givenADepartmentSystemsClientCredentialsToken_whenCalling_thenItBecomesACallerOfItsDepartment() {
        client.get().uri("/api/test/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.departmentSystem("dept-urban-system", "dept-urban").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").isEqualTo("service-account-dept-urban-system")
                .jsonPath("$.username").doesNotExist()
                .jsonPath("$.roles[0]").isEqualTo("department_staff")
                .jsonPath("$.departmentId").isEqualTo("dept-urban");
    }

    @Test
    void givenNoToken_whenTheApiDescriptionIsRead_thenItIsOpenAndPointsCallersAtTheGateway() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/test/admin'].get").exists();
    }

    @Test
    void givenTheWrongRole_whenCalling_then403() {
        client.get().uri("/api/test/admin")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:forbidden");
    }

    @Test
    void givenTheRightRole_whenCalling_thenItIsLetThrough() {
        client.get().uri("/api/test/admin")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("admin").roles(Roles.PLATFORM_ADMIN).bearer())
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void givenATokensClaims_whenCalling_thenTheyBecomeTheCaller() {
        client.get().uri("/api/test/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("dept-housing-1").username("dept-housing1")
                        .roles(Roles.DEPARTMENT_STAFF).orgPath("/qjp").departmentId("dept-housing")
                        .expiresIn(Duration.ofMinutes(1)).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userId").isEqualTo("dept-housing-1")
                .jsonPath("$.username").isEqualTo("dept-housing1")
                .jsonPath("$.roles[0]").isEqualTo("department_staff")
                .jsonPath("$.orgPath").isEqualTo("/qjp")
                .jsonPath("$.departmentId").isEqualTo("dept-housing");
    }

    @Test
    void givenTheResourceServer_thenEachTokenIsVerifiedOnceThenRememberedUntilItExpires() {
        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void givenAnAcceptedToken_whenATamperedCopyIsSent_thenItIsStill401() {
        String bearer = TestTokens.resident("resident-1", FUQIAN).bearer();
        client.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk();
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        String otherPayload = TestTokens.resident("resident-2", FUQIAN).bearer().split("\\.")[1];
        expectUnauthorized("Bearer " + parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void givenTheSchemeInLowerCase_whenCalling_thenTheTokenIsRead() {
        String token = TestTokens.resident("resident-1", FUQIAN).bearer().substring("Bearer ".length());
        client.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, "bearer " + token)
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void givenAMalformedBearerHeader_whenCalling_then401() {
        String token = TestTokens.resident("resident-1", FUQIAN).bearer().substring("Bearer ".length());
        expectUnauthorized("Bearer  " + token);
        expectUnauthorized("Bearer " + token + "=x");
    }

    /**
     * U+0085 is a control character: the firewall refuses a header that holds one, before the bearer
     * token is looked at (which would answer 401). Tomcat itself lets the byte through (obs-text), so
     * it is written on a socket of its own.
     */
    @Test
    void givenAControlCharacterInTheAuthorizationHeader_whenCalling_thenTheFirewallRefusesTheRequest() throws IOException {
        assertThat(firewall).isInstanceOf(StrictHttpFirewall.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /api/test/me HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer abc\u0085def\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void givenNoToken_whenHealthIsRead_thenItIsOpen() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void givenAnAuthenticatedCall_whenPrometheusScrapes_thenTheRequestIsTimedButSpringSecuritysOwnStepsAreNot() {
        client.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .exchange()
                .expectStatus().isOk();

        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("http_server_requests_seconds_count{")
                        .doesNotContain("spring_security_"));
    }

    @Test
    void givenSpringSecuritysObservationsOff_whenARequestPassesTheChain_thenNoFilterIsWrappedForThem() {
        client.get().uri("/api/test/security-frames")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", FUQIAN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(String[].class).value(frames -> assertThat(frames)
                        .contains("org.springframework.security.web.FilterChainProxy")
                        .noneMatch(name -> name.contains("Observation")));
    }

    private void expectUnauthorized(String bearer) {
        client.get().uri("/api/test/me")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:unauthorized")
                .jsonPath("$.detail").isEqualTo("The bearer token is invalid, expired or not issued for Grassroots");
    }
}
