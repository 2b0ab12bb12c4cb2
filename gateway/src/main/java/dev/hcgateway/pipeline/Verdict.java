package dev.hcgateway.pipeline;

import dev.hcgateway.code.HealthCode;
import dev.hcgateway.colour.Colour;
import dev.hcgateway.colour.ColourSource;
import java.util.Objects;

/**
 * The decision on a valid code (signature, time and revocation checks passed, or revoked with a known subject).
 *
 * @param colour   the colour that decided, or null when no trustworthy colour was had
 * @param source   where that colour came from, or null with it
 * @param degraded true when the authoritative store could not answer and a fallback decided
 */
public record Verdict(Decision decision, Reason reason, HealthCode code, Colour colour, ColourSource source,
                      boolean degraded) implements Outcome {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
        if ((colour == null) != (source == null)) {
            throw new IllegalArgumentException("colour and source go together");
        }
        if (reason == Reason.OK && decision != Decision.PASS) {
            throw new IllegalArgumentException("reason ok means pass");
        }
        if (decision == Decision.PASS && colour == Colour.GREY) {
            throw new IllegalArgumentException("grey never passes");
        }
    }
}
