package org.grassroots.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.contracts.RequestHeaders;
import org.grassroots.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The gateway's bearer converter and header checks take and refuse exactly what Spring Security's
 * reactive defaults do.
 */
class BearerHeaderConverterTest {

    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudC0xIn0.c2lnbmF0dXJl-_~+/";

    final ServerAuthenticationConverter ours = new BearerHeaderConverter();
    final ServerAuthenticationConverter springs = new ServerBearerTokenAuthenticationConverter();

    @Test
    void givenAWellFormedHeader_whenConverted_thenTheTokenComesBack() {
        assertThat(outcome(ours, "Bearer " + TOKEN)).isEqualTo("token " + TOKEN);
        assertThat(outcome(ours, "BEARER " + TOKEN + "=")).isEqualTo("token " + TOKEN + "=");
        assertThat(outcome(ours, null)).isEqualTo("none");
        assertThat(outcome(ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    @Test
    void givenAMalformedBearerHeader_whenConverted_thenItIsAnInvalidToken() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer " + TOKEN + " ", "Bearer a=b",
                "Bearer ==", "Bearer tök", "Bearertoken")) {
            assertThat(outcome(ours, header)).as(header).isEqualTo("invalid_token: Bearer token is malformed");
        }
    }

    @Test
    void givenHeadersOfEveryShape_whenConverted_thenBothConvertersAgree() {
        List<String> pieces = List.of("Bearer ", "bearer ", "BEARER", "Bearer", " ", "  ", "=", "==", "a", "Z", "0", "-", ".",
                "_", "~", "+", "/", "ab.cd", "\t", ",", "é", "\u00a0", ";", "Basic ");
        RandomText.of(pieces, "Bearer ", 10_000, 25).forEach(header ->
                assertThat(outcome(ours, header)).as("header [%s]", header).isEqualTo(outcome(springs, header)));
    }

    @Test
    void givenEveryCodePoint_whenCheckedAsAHeader_thenTheReactiveFirewallsDefaultsAgree() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(RequestHeaders.isAllowedName(text)).as("name U+%04X", codePoint)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(RequestHeaders.isAllowedValue(text)).as("value U+%04X", codePoint)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
        assertThat(RequestHeaders.isAllowedValue(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(RequestHeaders.isAllowedName(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
        for (String text : List.of("\ud83d", "x\ude00", "\ud83d\ude00", "\ud83dx")) {
            assertThat(RequestHeaders.isAllowedValue(text)).as(text)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/cases");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            return converter.convert(MockServerWebExchange.from(request))
                    .map(authentication -> "token " + ((BearerTokenAuthenticationToken) authentication).getToken())
                    .defaultIfEmpty("none")
                    .block();
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
