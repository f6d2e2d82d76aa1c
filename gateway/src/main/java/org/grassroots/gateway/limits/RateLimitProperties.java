package org.grassroots.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request rate limits ({@code grassroots.gateway.rate-limit.*}), enforced in memory with token
 * buckets. Beyond either limit the caller gets 429 problem details with {@code Retry-After}.
 *
 * @param enabled        off only for measurements and tests that need unlimited traffic
 * @param perUser        per token subject, on {@code /api/**} once the token is checked
 * @param perClientIp    per client address, on every request before the token is checked, so a
 *                       flood of bad tokens is slowed too
 * @param maxTrackedKeys buckets kept per limit before idle ones are forgotten
 */
@ConfigurationProperties("grassroots.gateway.rate-limit")
public record RateLimitProperties(boolean enabled, Limit perUser, Limit perClientIp, int maxTrackedKeys) {

    /**
     * @param capacity        the burst a caller may send at once
     * @param refillPerSecond the steady rate a caller may keep up
     */
    public record Limit(int capacity, double refillPerSecond) {
    }
}
