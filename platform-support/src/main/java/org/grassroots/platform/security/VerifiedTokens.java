package org.grassroots.platform.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A JWT decoder that checks each distinct token once and then remembers it until it expires.
 *
 * <p>Checking a token's RSA signature is the most expensive step of most requests (a profile of case
 * intake put 10–14 % of every service's CPU in {@code BigInteger}), yet a client sends the same
 * token with every call for its whole lifetime (15 minutes in the realm), and a service that calls
 * another relays it. Remembering a verified token changes nothing about what passes: the key is the
 * whole compact token, signature included, so a token that differs in any byte is checked afresh;
 * only tokens that passed every check (signature, issuer, audience, time) are kept, and each is
 * forgotten the moment its {@code exp} passes (after which the checks decide again, as before).
 * Tokens without {@code exp} are never kept. The cache is bounded; when full, the least valuable
 * entries go first and are simply checked again when they come back.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder verifier, long maximumSize) {
        this(verifier, maximumSize, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder verifier, long maximumSize, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, clock)))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many tokens are remembered now (after pending evictions), for tests and metrics. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    static Duration untilExpiry(Jwt jwt, Clock clock) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
