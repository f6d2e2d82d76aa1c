package org.grassroots.gateway.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * The gateway's JWT decoder, checking each distinct token once and remembering it until it expires
 * (the services do the same with platform-support's decoder of the same name). A client sends one
 * token with every call for its whole lifetime, and the RSA signature check is the gateway's
 * costliest step per request. Nothing that passes changes: the key is the whole compact token,
 * signature included; only tokens that passed every check are kept, and only until their
 * {@code exp} (after which the checks decide again, as before). Tokens without {@code exp} are
 * never kept. The cache is bounded; an evicted token is simply checked again.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, long maximumSize) {
        this(verifier, maximumSize, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(ReactiveJwtDecoder verifier, long maximumSize, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> {
                    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }
}
