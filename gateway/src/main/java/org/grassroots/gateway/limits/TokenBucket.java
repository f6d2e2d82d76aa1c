package org.grassroots.gateway.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code refillPerSecond} tokens a second,
 * and each request takes one. A caller may burst up to the capacity, then keeps to the refill rate.
 * Time is passed in (nanoseconds from any fixed origin) so the bucket is easy to test.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double refillPerSecond, long now) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("A bucket needs a capacity of at least 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 if a token was taken, otherwise how many nanoseconds until the next one
     */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** True when the bucket has refilled completely: its caller has been quiet long enough to forget. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = Math.max(0, now - updatedAt);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        updatedAt = now;
    }
}
