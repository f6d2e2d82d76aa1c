package org.grassroots.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void givenAFullBucket_whenItsCapacityIsSpentAtOnce_thenTheNextRequestMustWaitForTheRefill() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 2);
    }

    @Test
    void givenAnEmptyBucket_whenTimePasses_thenItRefillsAtItsRateButNoFurtherThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND)).isZero();
        assertThat(bucket.tryTake(SECOND)).isPositive();
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isPositive();
    }
}
