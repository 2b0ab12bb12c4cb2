package dev.hcgateway.model;

import java.util.Objects;

/**
 * A credential that was not judged (a fault inside the gateway, or an offline gate's knowledge too old to judge on,
 * never a fault of the credential): the gate stays shut and staff check, as when no trustworthy colour is had.
 * Used where one slot of a larger answer must not fail the rest, and by an offline gate past its bundle's
 * {@code validUntil}.
 *
 * @param reason {@link Reason#AUTHORITY_UNAVAILABLE}, or {@link Reason#BUNDLE_EXPIRED} for an offline gate
 */
public record Unjudged(Reason reason) implements Outcome {

    public Unjudged {
        Objects.requireNonNull(reason, "reason");
        if (reason != Reason.AUTHORITY_UNAVAILABLE && reason != Reason.BUNDLE_EXPIRED) {
            throw new IllegalArgumentException("a code is left unjudged only for want of the gateway or a fresh bundle");
        }
    }

    /** Creates the answer of a fault inside the gateway. */
    public Unjudged() {
        this(Reason.AUTHORITY_UNAVAILABLE);
    }

    @Override
    public Decision decision() {
        return Decision.MANUAL;
    }

    @Override
    public boolean degraded() {
        return true;
    }
}
