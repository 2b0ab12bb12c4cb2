package dev.hcgateway.pace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.MutableClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void tryTake_oneBurstThenRefillsWithClock_neverAboveTheBurst() {
        MutableClock clock = new MutableClock(1_000);
        TokenBucket bucket = new TokenBucket(clock, 10, 10);
        assertThat(takeAll(bucket)).isEqualTo(10);

        clock.advanceMillis(100);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();

        clock.advanceSeconds(60);
        assertThat(takeAll(bucket)).as("never more than one burst").isEqualTo(10);
    }

    @Test
    void giveBack_returnsATokenButNeverAboveTheBurst() {
        MutableClock clock = new MutableClock(1_000);
        TokenBucket bucket = new TokenBucket(clock, 10, 10);
        bucket.giveBack();
        assertThat(takeAll(bucket)).isEqualTo(10);
        bucket.giveBack();
        assertThat(takeAll(bucket)).isEqualTo(1);
    }

    @Test
    void take_whenEmpty_saysHowLongUntilTheTokensAreDue() {
        MutableClock clock = new MutableClock(1_000);
        TokenBucket bucket = new TokenBucket(clock, 1_000, 5);
        assertThat(bucket.take(5)).isZero();
        assertThat(bucket.take(2)).isEqualTo(2);
        clock.advanceMillis(2);
        assertThat(bucket.take(2)).isZero();
    }

    @Test
    void take_largerThanTheBurst_servedFromAFullBucketAndPaidForAfterwards() {
        MutableClock clock = new MutableClock(1_000);
        TokenBucket bucket = new TokenBucket(clock, 1_000, 5);
        assertThat(bucket.take(25)).as("a batch larger than the burst is not refused forever").isZero();
        assertThat(bucket.take(1)).as("20 tokens of debt and 1 more at 1,000/s").isEqualTo(21);
        clock.advanceMillis(21);
        assertThat(bucket.take(1)).isZero();
    }

    private static int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }
}
