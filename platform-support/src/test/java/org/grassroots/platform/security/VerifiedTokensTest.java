package org.grassroots.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    final List<String> checked = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Accepts tokens named "good-*" valid for 15 minutes, "forever-*" without exp; refuses the rest. */
    final JwtDecoder verifier = token -> {
        checked.add(token);
        if (token.startsWith("forever-")) {
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).build();
        }
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(15))).build();
    };

    VerifiedTokens tokens(long maximumSize) {
        return new VerifiedTokens(verifier, maximumSize, clock, nanos::get);
    }

    @Test
    void givenAToken_whenDecodedTwice_thenItIsVerifiedOnceAndThenRemembered() {
        VerifiedTokens tokens = tokens(100);

        Jwt first = tokens.decode("good-a");
        Jwt again = tokens.decode("good-a");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("good-a");
    }

    @Test
    void givenARememberedToken_whenAnotherIsDecoded_thenTheOtherIsVerifiedItself() {
        VerifiedTokens tokens = tokens(100);
        tokens.decode("good-a");

        tokens.decode("good-b");

        assertThat(checked).containsExactly("good-a", "good-b");
    }

    @Test
    void givenARefusedToken_whenDecodedTwice_thenItIsNeverRemembered() {
        VerifiedTokens tokens = tokens(100);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void givenARememberedToken_whenItExpires_thenItIsForgotten() {
        VerifiedTokens tokens = tokens(100);
        tokens.decode("good-a");

        nanos.addAndGet(Duration.ofMinutes(15).minusSeconds(1).toNanos());
        tokens.decode("good-a");
        assertThat(checked).containsExactly("good-a");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        tokens.decode("good-a");
        assertThat(checked).containsExactly("good-a", "good-a");
    }

    @Test
    void givenATokenAlreadyPastItsExpiry_whenVerified_thenItIsNotKept() {
        // The checks allow some clock skew, so a token may pass a little after its exp.
        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(15)).plusSeconds(30), ZoneOffset.UTC);
        VerifiedTokens tokens = tokens(100);

        tokens.decode("good-a");
        tokens.decode("good-a");

        assertThat(checked).containsExactly("good-a", "good-a");
    }

    @Test
    void givenATokenWithoutExpiry_whenVerified_thenItIsNeverKept() {
        VerifiedTokens tokens = tokens(100);

        tokens.decode("forever-a");
        tokens.decode("forever-a");

        assertThat(checked).containsExactly("forever-a", "forever-a");
    }

    @Test
    void givenABoundedCache_whenManyTokensAreVerified_thenItStaysWithinItsBound() {
        VerifiedTokens tokens = tokens(10);

        for (int i = 0; i < 100; i++) {
            tokens.decode("good-" + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }
}
