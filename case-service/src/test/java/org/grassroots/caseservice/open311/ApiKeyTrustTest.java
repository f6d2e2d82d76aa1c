package org.grassroots.caseservice.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** How long an exchanged API key is trusted before Keycloak is asked again: a revoked key stops within the recheck. */
class ApiKeyTrustTest {

    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void givenATokenValidForFifteenMinutes_whenTheKeyIsExchanged_thenItIsTrustedForTheTwoMinuteRecheckOnly() {
        assertThat(ApiKeys.trustedUntil(NOW.plus(Duration.ofMinutes(15)), NOW, Duration.ofMinutes(2)))
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void givenATokenExpiringBeforeTheRecheck_whenTheKeyIsExchanged_thenItIsRenewedAMinuteBeforeItExpires() {
        assertThat(ApiKeys.trustedUntil(NOW.plus(Duration.ofSeconds(90)), NOW, Duration.ofMinutes(2)))
                .isEqualTo(NOW.plus(Duration.ofSeconds(30)));
    }

    @Test
    void givenARecheckOfZero_whenTheKeyIsExchanged_thenKeycloakIsAskedOnEveryRequest() {
        assertThat(ApiKeys.trustedUntil(NOW.plus(Duration.ofMinutes(15)), NOW, Duration.ZERO)).isEqualTo(NOW);
    }

    @Test
    void givenNoSetting_whenTheSettingsAreRead_thenTheRecheckIsTwoMinutes() {
        assertThat(new Open311Properties(null, null, null, null, null, null, null).keyRecheck()).isEqualTo(Duration.ofMinutes(2));
    }
}
