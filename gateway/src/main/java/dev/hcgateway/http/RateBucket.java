package dev.hcgateway.http;

import dev.hcgateway.config.RateLimit;
import java.time.Clock;

/**
 * A token bucket on the injected clock that says how long to wait when empty. Its lock is held for a few
 * arithmetic operations only, so event loops sharing one gate's bucket never wait on each other for long.
 */
final class RateBucket {

    private final Clock clock;
    private final double perMilli;
    private final double capacity;
    private double tokens;
    private long last;

    RateBucket(Clock clock, RateLimit limit) {
        this.clock = clock;
        this.perMilli = limit.perSecond() / 1000.0;
        this.capacity = limit.burst();
        this.tokens = capacity;
        this.last = clock.millis();
    }

    /** Takes one token; returns 0 when taken, else the milliseconds until one is due (at least 1). */
    synchronized long take() {
        long now = clock.millis();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
    }
}
