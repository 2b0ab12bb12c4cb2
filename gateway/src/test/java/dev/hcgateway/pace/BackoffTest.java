package dev.hcgateway.pace;

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

    @Test
    void next_fromAGivenFirstDelay_isTheShippersOldSequence() {
        // The passages shipper waited min(5 s, 100 ms << min(failures, 6)) after its n-th failure in a row.
        Backoff backoff = new Backoff(200, 5_000);
        for (int failures = 1; failures <= 9; failures++) {
            assertThat(backoff.next()).as("after failure %d", failures)
                    .isEqualTo(Math.min(5_000, 100L << Math.min(failures, 6)));
        }
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(200);
    }
}
