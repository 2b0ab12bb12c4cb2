package dev.hcgateway.colour;

import java.time.Clock;

/**
 * A circuit breaker over store lookups, on the injected clock. Closed: lookups go; {@code failureThreshold}
 * consecutive failures open it. Open: lookups are refused for {@code openMillis}. Half-open: one probe goes;
 * its success closes the breaker, its failure opens it again. Thread-safe (tiny critical sections).
 */
final class CircuitBreaker {

    /** The breaker's state; {@link #gauge()} is its value in the state gauge. */
    enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        private final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }

        int gauge() {
            return gauge;
        }
    }

    private final Clock clock;
    private final int failureThreshold;
    private final long openMillis;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean probeOut;

    CircuitBreaker(Clock clock, int failureThreshold, long openMillis) {
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.openMillis = openMillis;
    }

    /** Tells whether a lookup may go now; in half-open, true once (the probe) until the probe ends. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.millis() - openedAt >= openMillis) {
            state = State.HALF_OPEN;
            probeOut = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probeOut) {
                    yield false;
                }
                probeOut = true;
                yield true;
            }
        };
    }

    /** Records an answered lookup: closes the breaker. */
    synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        probeOut = false;
    }

    /** Records a failed lookup (timeout, unreachable, bad status, garbage). */
    synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.millis();
            probeOut = false;
        }
    }

    /** Records a lookup that neither proves nor disproves the store (it shed load): frees the probe. */
    synchronized void neutral() {
        probeOut = false;
    }

    /** Returns the state as of now (an open breaker past its time reads half-open). */
    synchronized State state() {
        if (state == State.OPEN && clock.millis() - openedAt >= openMillis) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
