package dev.hcgateway.http.connection;

import java.util.concurrent.TimeUnit;

/**
 * The minimum rate at which a request body must arrive. Averaged from the request head, not reset by each
 * chunk: a client trickling one byte now and then falls behind at once instead of extending its deadline.
 *
 * @param bytesPerSecond the required average rate once the grace has passed
 * @param graceNanos     time from the head before the rate is enforced (connection set-up, a first slow packet)
 */
record BodyRate(long bytesPerSecond, long graceNanos) {

    /** Returns the rate of the {@code http} section. */
    static BodyRate of(int bytesPerSecond, int graceMs) {
        return new BodyRate(bytesPerSecond, TimeUnit.MILLISECONDS.toNanos(graceMs));
    }

    /** Tells whether a body that has delivered {@code bytes} within {@code elapsedNanos} of its head is too slow. */
    boolean tooSlow(long elapsedNanos, long bytes) {
        long enforced = elapsedNanos - graceNanos;
        if (enforced <= 0) {
            return false;
        }
        // bytes/elapsed < rate, without overflow for any body under 2^63 / 10^9 bytes.
        return bytes < (double) bytesPerSecond * enforced / 1e9;
    }
}
