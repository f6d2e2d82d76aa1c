package org.grassroots.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    final List<String> checked = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();

    /** Accepts tokens named "good-*" for 15 minutes, refuses the rest, and counts every check. */
    final ReactiveJwtDecoder verifier = token -> Mono.defer(() -> {
        checked.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(15))).build());
    });

    final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void givenAToken_whenDecodedAgain_thenItIsVerifiedOnceUntilItExpires() {
        Jwt first = tokens.decode("good-a").block();
        StepVerifier.create(tokens.decode("good-a")).expectNext(first).verifyComplete();
        assertThat(checked).containsExactly("good-a");

        nanos.addAndGet(Duration.ofMinutes(15).toNanos());
        StepVerifier.create(tokens.decode("good-a")).expectNextCount(1).verifyComplete();
        assertThat(checked).containsExactly("good-a", "good-a");
    }

    @Test
    void givenARefusedToken_whenDecodedAgain_thenItIsRefusedEveryTime() {
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void givenAVerifiedToken_whenAnotherIsDecoded_thenTheOtherIsVerifiedItself() {
        tokens.decode("good-a").block();
        tokens.decode("good-b").block();

        assertThat(checked).containsExactly("good-a", "good-b");
    }
}
