package org.grassroots.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per key (a user's subject, a client's address), kept in memory. Each
 * gateway instance limits on its own: with n instances a caller gets up to n times the rate, which
 * is acceptable for protecting the services from one runaway client.
 * <p>
 * Memory is bounded: past {@code maxTrackedKeys} buckets, those that have refilled completely (their
 * caller went quiet) are forgotten; forgetting a full bucket changes nothing for its caller.
 */
final class RateLimiter {

    /** Whether a request may go on, and if not, how long the caller should wait. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final RateLimitProperties.Limit limit;
    private final int maxTrackedKeys;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties.Limit limit, int maxTrackedKeys, LongSupplier nanoTime) {
        this.limit = limit;
        this.maxTrackedKeys = maxTrackedKeys;
        this.nanoTime = nanoTime;
    }

    Decision tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxTrackedKeys && !buckets.containsKey(key)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(key,
                newKey -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? Decision.ALLOWED : new Decision(false, Duration.ofNanos(waitNanos));
    }

    int trackedKeys() {
        return buckets.size();
    }
}
