package dev.hcgateway.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A code that is not valid: always a deny, and it reveals nothing of the code's claims.
 *
 * @param colour null, or {@link Colour#GREY} for an expired international code (what its holder's phone shows)
 */
public record Rejection(Reason reason, Colour colour) implements Outcome, Validation {

    /** One colourless rejection per reason, made once: a scan that fails allocates nothing for its answer. */
    private static final Map<Reason, Rejection> COLOURLESS = new EnumMap<>(Reason.class);

    static {
        for (Reason r : Reason.values()) {
            if (r != Reason.OK) {
                COLOURLESS.put(r, new Rejection(r));
            }
        }
    }

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

    /** Returns the rejection without a colour for this reason (one shared instance per reason). */
    public static Rejection of(Reason reason) {
        Rejection r = COLOURLESS.get(reason);
        if (r == null) {
            throw new IllegalArgumentException("a rejection needs a failing reason");
        }
        return r;
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
