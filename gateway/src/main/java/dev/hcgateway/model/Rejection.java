package dev.hcgateway.model;

import java.util.Objects;

/** A code that is not valid: always a deny, and it reveals nothing of the code's claims. */
public record Rejection(Reason reason) implements Outcome, Validation {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.OK) {
            throw new IllegalArgumentException("a rejection needs a failing reason");
        }
    }

    @Override
    public Decision decision() {
        return Decision.DENY;
    }

    /** Returns false: an invalid code is denied on its own faults, no stand-in decides. */
    @Override
    public boolean degraded() {
        return false;
    }
}
