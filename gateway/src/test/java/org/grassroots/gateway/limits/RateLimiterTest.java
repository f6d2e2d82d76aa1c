package org.grassroots.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void givenOneCallerSpendsTheirBurst_whenTheyAndAnotherCallAgain_thenOnlyTheFirstIsToldToWait() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(2, 0.5), 100, now::get);

        assertThat(limiter.tryAcquire("resident-1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("resident-1").allowed()).isTrue();
        RateLimiter.Decision refused = limiter.tryAcquire("resident-1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("resident-2").allowed()).isTrue();
    }

    @Test
    void givenTheLimitOfTrackedCallers_whenANewOneCalls_thenQuietCallersAreForgottenAndBusyOnesKept() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties.Limit(1, 1), 2, now::get);
        limiter.tryAcquire("quiet");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        limiter.tryAcquire("busy");

        limiter.tryAcquire("newcomer");

        assertThat(limiter.trackedKeys()).isEqualTo(2);
        assertThat(limiter.tryAcquire("busy").allowed()).as("busy keeps its empty bucket").isFalse();
    }
}
