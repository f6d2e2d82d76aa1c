package org.grassroots.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link BearerHeader} takes and refuses exactly what Spring Security's default resolver does. */
class BearerHeaderTest {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudC0xIn0.c2lnbmF0dXJl-_~+/";

    final BearerTokenResolver ours = new BearerHeader();
    final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void givenAWellFormedHeader_whenResolved_thenTheTokenComesBack() {
        assertThat(ours.resolve(request("Bearer " + TOKEN))).isEqualTo(TOKEN);
        assertThat(ours.resolve(request("bEaReR " + TOKEN + "=="))).isEqualTo(TOKEN + "==");
    }

    @Test
    void givenNoBearerHeader_whenResolved_thenThereIsNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
        assertThat(ours.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void givenAMalformedBearerHeader_whenResolved_thenItIsAnInvalidToken() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer\t" + TOKEN, "Bearer " + TOKEN + " ",
                "Bearer a=b", "Bearer ==", "Bearer a,b", "Bearer tök", "Bearertoken", "Bearer " + TOKEN + "\n")) {
            assertThat(outcome(ours, header)).as(header).isEqualTo("invalid_token: Bearer token is malformed");
        }
    }

    @Test
    void givenHeadersOfEveryShape_whenResolved_thenBothResolversAgree() {
        List<String> pieces = List.of("Bearer ", "bearer ", "BEARER", "Bearer", " ", "  ", "=", "==", "a", "Z", "0", "-", ".",
                "_", "~", "+", "/", "ab.cd", "\t", ",", "é", "\u00a0", "\n", ";", "Basic ");
        RandomText.of(pieces, "Bearer ", 20_000, 25).forEach(header ->
                assertThat(outcome(ours, header)).as("header [%s]", header).isEqualTo(outcome(springs, header)));
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        try {
            return "token " + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        return request;
    }
}
