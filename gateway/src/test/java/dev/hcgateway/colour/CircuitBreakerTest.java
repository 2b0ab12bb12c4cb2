package dev.hcgateway.colour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.MutableClock;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(clock, 3, 5_000);

    @Test
    void tryAcquire_fewerFailuresThanThreshold_staysClosed() {
        breaker.failure();
        breaker.failure();
        breaker.success();
        breaker.failure();
        breaker.failure();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void tryAcquire_thresholdReached_refusesUntilOpenTimeThenOneProbe() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceMillis(4_999);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceMillis(1);

        assertThat(breaker.tryAcquire()).as("the probe").isTrue();
        assertThat(breaker.tryAcquire()).as("only one probe at a time").isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void probe_fails_opensAgainForFullTime() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        clock.advanceMillis(5_000);
        breaker.tryAcquire();

        breaker.failure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advanceMillis(4_999);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void probe_succeeds_closes() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        clock.advanceMillis(5_000);
        breaker.tryAcquire();

        breaker.success();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void probe_shed_freesProbeWithoutClosing() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        clock.advanceMillis(5_000);
        breaker.tryAcquire();

        breaker.neutral();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
