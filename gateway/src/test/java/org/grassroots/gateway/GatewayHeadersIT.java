package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Security headers on every response, and CORS for the configured web origin only. */
class GatewayHeadersIT extends GatewayInFrontOfStandIns {

    private static final String WEB_ORIGIN = "http://localhost:5173";

    @Autowired
    ApplicationContext context;

    @Test
    void givenAServicesAnswer_whenItPassesThroughTheGateway_thenItCarriesTheSecurityHeadersAndNoStore() {
        expectSecurityHeaders(gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange()
                .expectStatus().isOk())
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void givenNoToken_whenRefused_thenThe401CarriesTheSecurityHeadersToo() {
        expectSecurityHeaders(gateway.get().uri("/api/cases/42").exchange().expectStatus().isUnauthorized());
    }

    @Test
    void givenPlainHttp_whenAnswered_thenNoStrictTransportSecurityIsSent() {
        gateway.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void givenHttps_whenAnswered_thenStrictTransportSecurityIsSent() {
        WebTestClient overHttps = WebTestClient.bindToApplicationContext(context).configureClient()
                .baseUrl("https://gateway.grassroots.example").build();

        overHttps.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void givenTheWebFrontEndsOrigin_whenTheBrowserAsksBeforeReportingACase_thenThePreflightIsAllowed() {
        gateway.options().uri("/api/cases")
                .header(HttpHeaders.ORIGIN, WEB_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void givenTheWebFrontEndsOrigin_whenACaseIsRead_thenTheBrowserMayReadTheAnswerAndItsCorrelationId() {
        gateway.get().uri("/api/cases/42")
                .header(HttpHeaders.ORIGIN, WEB_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("resident-1").roles("resident").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEB_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Correlation-Id"));
    }

    @Test
    void givenAnotherSitesOrigin_whenTheBrowserAsksBeforeReportingACase_thenThePreflightIsRefused() {
        gateway.options().uri("/api/cases")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static WebTestClient.ResponseSpec expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        return response
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists(HttpHeaders.CACHE_CONTROL);
    }
}
