package dev.hcgateway.model;

import dev.hcgateway.model.Colour;
import java.util.Objects;

/**
 * A code that is not valid: always a deny, and it reveals nothing of the code's claims.
 *
 * @param colour null, or {@link Colour#GREY} for an expired international code (what its holder's phone shows)
 */
public record Rejection(Reason reason, Colour colour) implements Outcome, Validation {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.OK) {
            throw new IllegalArgumentException("a rejection needs a failing reason");
        }
        if (colour != null && (colour != Colour.GREY || reason != Reason.EXPIRED)) {
            throw new IllegalArgumentException("a rejection carries no colour but grey, and grey only when expired");
        }
    }

    /** Creates a rejection without a colour. */
    public Rejection(Reason reason) {
        this(reason, null);
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
