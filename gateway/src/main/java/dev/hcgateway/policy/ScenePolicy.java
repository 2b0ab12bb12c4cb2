package dev.hcgateway.policy;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.Credential;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.Verdict;

/**
 * Maps a credential's colour to the scene's decision (health-code spec, section 3, step 7), the same for a code
 * and an identity document: without a colour the scene's fallback decides (never pass), an unknown subject is
 * denied, and a passing colour without the vaccination record a scene requires goes to staff. Pure.
 */
public final class ScenePolicy {

    /** Returns the verdict for this colour answer at this scene. */
    public Verdict decide(Scene scene, Credential credential, ColourAnswer answer) {
        Colour colour = answer.colour();
        if (colour == null) {
            return new Verdict(scene.fallback(), Reason.AUTHORITY_UNAVAILABLE, credential, null, null, true);
        }
        if (colour == Colour.GREY) {
            // Only the time rules say grey, and they reject the code first; should it reach here, it never passes.
            return new Verdict(Decision.DENY, Reason.EXPIRED, credential, colour, answer.source(), answer.degraded());
        }
        if (colour == Colour.UNKNOWN) {
            return new Verdict(Decision.DENY, Reason.UNKNOWN_SUBJECT, credential, colour, answer.source(),
                    answer.degraded());
        }
        Decision decision = scene.decisions().get(colour);
        if (decision == Decision.PASS) {
            if (scene.requireVaccinated() && !credential.vaccinated()) {
                return new Verdict(Decision.MANUAL, Reason.VACCINATION_REQUIRED, credential, colour,
                        answer.source(), answer.degraded());
            }
            return new Verdict(Decision.PASS, Reason.OK, credential, colour, answer.source(), answer.degraded());
        }
        return new Verdict(decision, reasonOf(colour), credential, colour, answer.source(), answer.degraded());
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
