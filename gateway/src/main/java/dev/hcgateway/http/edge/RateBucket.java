package dev.hcgateway.http.edge;

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

    /**
     * Takes {@code n} tokens; returns 0 when taken, else the milliseconds until they are due (at least 1). A take
     * larger than the burst could never be met whole: it is served from a full bucket and leaves it in debt, so
     * the requests after it wait until the rate has paid for all {@code n}.
     */
    synchronized long take(int n) {
        long now = clock.millis();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
        double needed = Math.min(n, capacity);
        if (tokens >= needed) {
            tokens -= n;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((needed - tokens) / perMilli));
    }
}
