package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The console and phone pages come from the gateway itself, without a token: the built files, the
 * right index.html for client-side routes, /config.json from the settings, with caching and a
 * Content-Security-Policy that lets keycloak-js reach Keycloak. API paths never fall back to a page.
 */
class GatewayWebFilesIT extends GatewayInFrontOfStandIns {

    @BeforeEach
    void allowForABusyMachine() {
        // The first request after start-up may be slow on a loaded 2-core machine.
        gateway = gateway.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static final Pattern CONSOLE_SCRIPT = Pattern.compile("src=\"(/assets/console-[^\"]+\\.js)\"");

    @Test
    void givenNoToken_whenTheConsoleIsOpened_thenItsPageIsServedAndRevalidatedOnEveryLoad() {
        String page = gateway.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("基层治理指挥中心").containsPattern(CONSOLE_SCRIPT);
        assertThat(allReceived()).as("requests reaching the services").isEmpty();
    }

    @Test
    void givenAHashedScriptOfThePage_whenFetched_thenBrowsersMayKeepItForAYear() {
        String page = gateway.get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
        Matcher script = CONSOLE_SCRIPT.matcher(page);
        assertThat(script.find()).isTrue();

        gateway.get().uri(script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable");
    }

    @Test
    void givenAConsoleRoute_whenOpenedDirectly_thenTheConsolePageAnswersIt() {
        gateway.get().uri("/cases/6650a1b2c3d4e5f6a7b8c9d0").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("基层治理指挥中心"));
    }

    @Test
    void givenAPhoneRoute_whenOpenedFromAQrCode_thenThePhonePageAnswersIt() {
        gateway.get().uri("/m/report?grid=QJP-PL-CN-01").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("/assets/mobile-").doesNotContain("基层治理指挥中心"));
    }

    @Test
    void givenAMissingFile_whenFetched_thenNotFoundRatherThanAPage() {
        gateway.get().uri("/assets/no-such-file.js").exchange().expectStatus().isNotFound();
        gateway.get().uri("/assets/../application.yml").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void givenAnUnknownApiPath_whenCalledWithoutAToken_thenTheApiAnswersNotThePage() {
        gateway.get().uri("/api/no-such-thing").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        gateway.get().uri("/open311/v2/services.json").exchange()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).doesNotContain("text/html"));
    }

    @Test
    void givenTheGatewaysIssuer_whenThePagesAskForTheirConfiguration_thenTheyLearnKeycloaksAddressAndRealm() {
        String issuer = TestTokenIssuer.issuer();
        gateway.get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody()
                .jsonPath("$.keycloakUrl").isEqualTo(issuer.substring(0, issuer.indexOf("/realms/")))
                .jsonPath("$.realm").isEqualTo(issuer.substring(issuer.indexOf("/realms/") + "/realms/".length()))
                .jsonPath("$.tileUrl").doesNotExist();
    }

    @Test
    void givenThePage_whenServed_thenItsPolicyAllowsOnlyOwnScriptsAndKeycloak() {
        String issuer = TestTokenIssuer.issuer();
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        gateway.get().uri("/m/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'")
                        .contains("connect-src 'self' " + keycloak)
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-eval"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }
}
