package dev.hcgateway.changes;

/**
 * The reconnect backoff of everything that talks to Redis on its own (the revocation store's start, a stream
 * follower, fleet sightings): 100 ms, doubled after each failure up to a cap ({@code redis.reconnectMaxDelayMs}),
 * and back to 100 ms after a success. A backoff belongs to one thread (its owner's); it is not shared.
 */
public final class Backoff {

    /** The first delay, and the delay after a success. */
    public static final long FIRST_MILLIS = 100;

    private final long maxMillis;
    private long nextMillis = FIRST_MILLIS;

    /** Creates a backoff capped at {@code maxMillis} (at least the first delay). */
    public Backoff(long maxMillis) {
        this.maxMillis = Math.max(FIRST_MILLIS, maxMillis);
    }

    /** Returns the delay before the next attempt, and doubles the one after it up to the cap. */
    public long next() {
        long delay = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return delay;
    }

    /** Starts again from the first delay: the last attempt succeeded. */
    public void reset() {
        nextMillis = FIRST_MILLIS;
    }
}
