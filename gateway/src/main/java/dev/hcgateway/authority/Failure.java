package dev.hcgateway.authority;

import dev.hcgateway.model.Degradation;

/** Why the store gave no usable answer; each maps to the degraded reason of the colour answers it leaves. */
public enum Failure {
    /** No complete answer within {@code authority.requestTimeoutMs} (or the connect timeout). */
    TIMEOUT(Degradation.STORE_TIMEOUT),
    /** Connection refused, reset or closed, or no free connection in the pool. */
    UNREACHABLE(Degradation.STORE_UNREACHABLE),
    /** A status other than 200, 429 and 503. */
    BAD_STATUS(Degradation.STORE_STATUS),
    /** A 200 whose body is not a valid answer to what was asked. */
    GARBAGE(Degradation.STORE_GARBAGE),
    /** 429 or 503: the store sheds load and asks us to back off. */
    SHED(Degradation.STORE_SHEDDING);

    private final Degradation degradation;

    Failure(Degradation degradation) {
        this.degradation = degradation;
    }

    /** Returns the degraded reason of a colour answer that this failure left without the store's word. */
    public Degradation degradation() {
        return degradation;
    }

    /** Returns the snake-case name used in metric labels. */
    public String wire() {
        return degradation.wire();
    }
}
