package dev.hcgateway.pace;

/**
 * A capped exponential backoff: the first delay, doubled after each failure up to a cap, and back to the first
 * after a success. Everything that retries on its own uses one: the revocation store's start, a stream follower
 * and fleet sightings (100 ms up to {@code redis.reconnectMaxDelayMs}), the passages shipper (200 ms up to 5 s).
 * A backoff belongs to one thread (its owner's); it is not shared.
 */
public final class Backoff {

    /** The first delay of a reconnect to Redis, and its delay after a success. */
    public static final long FIRST_MILLIS = 100;

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    /** Creates a reconnect backoff from {@link #FIRST_MILLIS} capped at {@code maxMillis} (at least the first). */
    public Backoff(long maxMillis) {
        this(FIRST_MILLIS, maxMillis);
    }

    /** Creates a backoff from {@code firstMillis} (at least 1) capped at {@code maxMillis} (at least the first). */
    public Backoff(long firstMillis, long maxMillis) {
        if (firstMillis < 1) {
            throw new IllegalArgumentException("firstMillis must be at least 1, got " + firstMillis);
        }
        this.firstMillis = firstMillis;
        this.maxMillis = Math.max(firstMillis, maxMillis);
        this.nextMillis = firstMillis;
    }

    /** Returns the delay before the next attempt, and doubles the one after it up to the cap. */
    public long next() {
        long delay = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return delay;
    }

    /** Starts again from the first delay: the last attempt succeeded. */
    public void reset() {
        nextMillis = firstMillis;
    }
}
