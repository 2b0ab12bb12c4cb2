package dev.hcgateway.model;

import java.util.Locale;

/**
 * Why a colour answer was made without the authoritative store's word. The wire names are bounded metric labels
 * ({@code hc_colour_degraded_total{why}}) and loader outcomes.
 */
public enum Degradation {
    /** The scan's colour budget ran out before the store answered. */
    TIMEOUT,
    /** The store's request timed out (or the connect timeout did). */
    STORE_TIMEOUT,
    /** Connection refused, reset or closed, or no free connection in the pool. */
    STORE_UNREACHABLE,
    /** A status other than 200, 429 and 503. */
    STORE_STATUS,
    /** A 200 whose body is not a valid answer to what was asked. */
    STORE_GARBAGE,
    /** 429 or 503: the store sheds load. */
    STORE_SHEDDING,
    /** The circuit breaker over the store is open. */
    BREAKER_OPEN,
    /** The store asked us to back off ({@code Retry-After}) and that time has not passed. */
    BACKOFF,
    /** Too many lookups in flight already. */
    OVERLOADED,
    /** The lookup rate is spent. */
    RATE_LIMITED,
    /** No store is configured (offline mode). */
    OFFLINE,
    /** Only the signed snapshot was had, and it is older than the scene allows. */
    SNAPSHOT_STALE;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** Returns the snake-case name used in metric labels. */
    public String wire() {
        return wire;
    }
}
