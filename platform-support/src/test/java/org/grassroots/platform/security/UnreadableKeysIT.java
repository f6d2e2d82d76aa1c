package org.grassroots.platform.security;

import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.web.servlet.client.RestTestClient;

/** When the sign-in service's keys cannot be read, a caller is told to come back: 503, not 500 nor 401. */
@ServiceIntegrationTest(classes = {PlatformSupportTestApplication.class, UnreadableKeysIT.KeysUnreachable.class})
class UnreadableKeysIT {

    @LocalServerPort
    int port;

    @Test
    void givenTheKeySetCannotBeRead_whenCallingWithAToken_then503WithRetryAfterAsProblemDetails() {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/test/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", "/qjp").bearer())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:service-unavailable")
                .jsonPath("$.status").isEqualTo(503);
    }

    /** A decoder that fails as Spring's does when the key set's address times out. */
    @TestConfiguration
    static class KeysUnreachable {
        @Bean
        JwtDecoder unreachableKeys() {
            return token -> {
                throw new JwtException("An error occurred while attempting to decode the Jwt: Read timed out");
            };
        }
    }
}
