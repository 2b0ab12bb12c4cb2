package dev.hcgateway.changes;

import java.time.Clock;

/** The plain {@link StreamHealth} of a follower whose owner needs no lag: whether Redis answers, and since when not. */
public final class ContactHealth implements StreamHealth {

    private final Clock clock;
    private volatile boolean connected;
    private volatile long disconnectedSince = -1;

    /** Creates the health, disconnected until the first reply. */
    public ContactHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void readStarted(boolean caughtUp) {
    }

    @Override
    public void readEnded(boolean caughtUp) {
    }

    @Override
    public boolean contact() {
        boolean wasDown = !connected && disconnectedSince >= 0;
        connected = true;
        disconnectedSince = -1;
        return wasDown;
    }

    @Override
    public boolean noContact() {
        boolean wasUp = connected || disconnectedSince < 0;
        connected = false;
        if (disconnectedSince < 0) {
            disconnectedSince = clock.millis();
        }
        return wasUp;
    }

    @Override
    public long outageMillis() {
        long since = disconnectedSince;
        return since < 0 ? 0 : Math.max(0, clock.millis() - since);
    }

    /** Tells whether a command failed since the last success (an outage is known, however short so far). */
    public boolean down() {
        return !connected && disconnectedSince >= 0;
    }

    /** Tells whether the last command of the follower succeeded. */
    public boolean connected() {
        return connected;
    }
}
