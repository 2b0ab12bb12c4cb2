package dev.hcgateway.authority;

/** Why the store gave no usable answer; the wire names are bounded metric labels and degraded reasons. */
public enum Failure {
    /** No complete answer within {@code authority.requestTimeoutMs} (or the connect timeout). */
    TIMEOUT("store_timeout"),
    /** Connection refused, reset or closed, or no free connection in the pool. */
    UNREACHABLE("store_unreachable"),
    /** A status other than 200, 429 and 503. */
    BAD_STATUS("store_status"),
    /** A 200 whose body is not a valid answer to what was asked. */
    GARBAGE("store_garbage"),
    /** 429 or 503: the store sheds load and asks us to back off. */
    SHED("store_shedding");

    private final String wire;

    Failure(String wire) {
        this.wire = wire;
    }

    /** Returns the snake-case name used in metric labels and degraded answers. */
    public String wire() {
        return wire;
    }
}
