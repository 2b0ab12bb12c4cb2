package dev.hcgateway.colour;

import java.time.Clock;

/** A token bucket on the injected clock: {@code ratePerSecond} tokens a second, holding one second's worth. */
final class TokenBucket {

    private final Clock clock;
    private final double ratePerMilli;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(Clock clock, int ratePerSecond) {
        this.clock = clock;
        this.ratePerMilli = ratePerSecond / 1000.0;
        this.capacity = ratePerSecond;
        this.tokens = capacity;
        this.last = clock.millis();
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake() {
        long now = clock.millis();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * ratePerMilli);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Gives back a token taken for a lookup that did not go. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }
}
