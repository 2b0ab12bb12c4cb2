package dev.hcgateway.pace;

import java.time.Clock;

/**
 * A token bucket on the injected clock: {@code perSecond} tokens a second, holding at most {@code burst}. Its lock
 * is held for a few arithmetic operations only, so event loops sharing one bucket never wait on each other for
 * long. Used for the store's lookups per second (one token a subject) and for gate and address rate limits (one
 * token a credential).
 */
public final class TokenBucket {

    private final Clock clock;
    private final double perMilli;
    private final double capacity;
    private double tokens;
    private long last;

    /** Creates a full bucket of {@code burst} tokens (at least 1) refilled at {@code perSecond} (above 0). */
    public TokenBucket(Clock clock, double perSecond, double burst) {
        if (!(perSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a rate above 0 and a burst of at least 1, got "
                    + perSecond + "/s and " + burst);
        }
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.capacity = burst;
        this.tokens = capacity;
        this.last = clock.millis();
    }

    /**
     * Takes {@code n} tokens; returns 0 when taken, else the milliseconds until they are due (at least 1). A take
     * larger than the burst could never be met whole: it is served from a full bucket and leaves it in debt, so
     * the takes after it wait until the rate has paid for all {@code n}.
     */
    public synchronized long take(int n) {
        refill();
        double needed = Math.min(n, capacity);
        if (tokens >= needed) {
            tokens -= n;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((needed - tokens) / perMilli));
    }

    /** Takes one token if there is one. */
    public boolean tryTake() {
        return take(1) == 0;
    }

    /** Gives back a token taken for work that did not go. */
    public synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill() {
        long now = clock.millis();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
    }
}
