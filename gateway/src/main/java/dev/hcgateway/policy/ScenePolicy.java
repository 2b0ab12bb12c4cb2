package dev.hcgateway.policy;

import dev.hcgateway.code.HealthCode;
import dev.hcgateway.colour.Colour;
import dev.hcgateway.colour.ColourAnswer;
import dev.hcgateway.pipeline.Decision;
import dev.hcgateway.pipeline.Reason;
import dev.hcgateway.pipeline.Verdict;

/** Maps a valid code's colour to the scene's decision (health-code spec, section 3, step 7). Pure. */
public final class ScenePolicy {

    /** Returns the verdict for this colour answer at this scene. */
    public Verdict decide(Scene scene, HealthCode code, ColourAnswer answer) {
        Colour colour = answer.colour();
        if (colour == null) {
            return new Verdict(scene.fallback(), Reason.AUTHORITY_UNAVAILABLE, code, null, null, true);
        }
        if (colour == Colour.GREY) {
            // Only the time rules say grey, and they reject the code first; should it reach here, it never passes.
            return new Verdict(Decision.DENY, Reason.EXPIRED, code, colour, answer.source(), answer.degraded());
        }
        if (colour == Colour.UNKNOWN) {
            return new Verdict(Decision.DENY, Reason.UNKNOWN_SUBJECT, code, colour, answer.source(), answer.degraded());
        }
        Decision decision = scene.decisions().get(colour);
        if (decision == Decision.PASS) {
            if (scene.requireVaccinated() && !code.vaccinated()) {
                return new Verdict(Decision.MANUAL, Reason.VACCINATION_REQUIRED, code, colour, answer.source(),
                        answer.degraded());
            }
            return new Verdict(Decision.PASS, Reason.OK, code, colour, answer.source(), answer.degraded());
        }
        return new Verdict(decision, reasonOf(colour), code, colour, answer.source(), answer.degraded());
    }

    /** Returns the reason of a colour that does not pass. */
    static Reason reasonOf(Colour colour) {
        return switch (colour) {
            case YELLOW -> Reason.COLOUR_YELLOW;
            case ORANGE -> Reason.COLOUR_ORANGE;
            case RED -> Reason.COLOUR_RED;
            default -> throw new IllegalArgumentException("green always passes");
        };
    }
}
