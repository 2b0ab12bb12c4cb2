package dev.hcgateway.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set and advance: time passes only when a test says so. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Creates a clock standing at {@code epochSecond}. */
    public MutableClock(long epochSecond) {
        this.now = Instant.ofEpochSecond(epochSecond);
    }

    /** Moves the clock forward. */
    public void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }

    /** Moves the clock forward by milliseconds. */
    public void advanceMillis(long millis) {
        now = now.plusMillis(millis);
    }

    /** Sets the clock. */
    public void set(long epochSecond) {
        now = Instant.ofEpochSecond(epochSecond);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
