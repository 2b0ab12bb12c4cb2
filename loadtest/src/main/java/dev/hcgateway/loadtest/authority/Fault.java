package dev.hcgateway.loadtest.authority;

import java.util.Locale;

/** A way for the simulated store to fail. */
public enum Fault {
    /** The listening socket is closed: connections are refused. */
    REFUSE,
    /** Every lookup answers 503 with Retry-After (the store sheds load). */
    UNAVAILABLE,
    /** Lookups are never answered (the connection stays open): the gateway's timeout must fire. */
    TIMEOUT,
    /** Every lookup answers 500. */
    ERROR,
    /** Every lookup takes ten times its drawn latency, at least a second. */
    SLOW;

    /** Parses a lower-case name. */
    public static Fault of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault \"" + name + "\"; known: refuse, unavailable, timeout, "
                    + "error, slow");
        }
    }
}
