package dev.hcgateway.colour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.MutableClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void tryTake_oneSecondOfBurstThenRefillsWithClock() {
        MutableClock clock = new MutableClock(1_000);
        TokenBucket bucket = new TokenBucket(clock, 10);
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertThat(taken).isEqualTo(10);

        clock.advanceMillis(100);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();

        clock.advanceSeconds(60);
        taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertThat(taken).as("never more than one second's worth").isEqualTo(10);
    }
}
