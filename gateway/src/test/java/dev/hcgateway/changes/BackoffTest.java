package dev.hcgateway.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void next_doublesFromAHundredMillisUpToTheCap_resetStartsOver() {
        Backoff backoff = new Backoff(1000);
        assertThat(new long[]{backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next(),
            backoff.next()}).containsExactly(100, 200, 400, 800, 1000, 1000);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(100);
    }

    @Test
    void next_capBelowTheFirstDelay_neverBelowTheFirst() {
        Backoff backoff = new Backoff(10);
        assertThat(backoff.next()).isEqualTo(100);
        assertThat(backoff.next()).isEqualTo(100);
    }
}
