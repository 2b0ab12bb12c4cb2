package dev.hcgateway.changes;

/**
 * What a stream follower reports about its contact with Redis and how current its owner is. The revocation
 * mirror turns these into its lag and readiness problems; a simpler owner only keeps {@link #contact()}.
 */
public interface StreamHealth {

    /** Notes a blocking read starting; {@code caughtUp} when everything before it has been applied. */
    void readStarted(boolean caughtUp);

    /** Notes a read's end; {@code caughtUp} when it came back short of its COUNT. */
    void readEnded(boolean caughtUp);

    /** Notes a successful reply; returns true when this ends an outage. */
    boolean contact();

    /** Notes a failed command; returns true when this starts an outage. */
    boolean noContact();

    /** Returns how long the current outage has lasted, 0 when connected. */
    long outageMillis();
}
