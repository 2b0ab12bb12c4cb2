package dev.hcgateway.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for an asynchronous effect until a deadline: the effect, not the waiting, is what tests assert. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns the milliseconds it took for {@code condition} to hold; fails past {@code within}. */
    public static long within(Duration within, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
