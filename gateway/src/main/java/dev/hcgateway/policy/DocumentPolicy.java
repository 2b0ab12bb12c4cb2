package dev.hcgateway.policy;

import dev.hcgateway.model.Scene;

import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.DocumentColour;
import dev.hcgateway.model.DocumentType;
import dev.hcgateway.model.DocumentVerdict;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;

/**
 * Maps an identity document's colour to the scene's decision: the same colour table as for codes, but no
 * signed snapshot, no vaccination record (a scene requiring one sends documents to staff), and without a
 * colour the scene's fallback (manual or deny, never pass). Pure.
 */
public final class DocumentPolicy {

    /** Returns the verdict for this colour answer at this scene. */
    public DocumentVerdict decide(Scene scene, DocumentType type, DocumentColour found) {
        ColourAnswer answer = found.answer();
        Colour colour = answer.colour();
        if (colour == null) {
            return new DocumentVerdict(scene.fallback(), Reason.AUTHORITY_UNAVAILABLE, type, null, null, null, true);
        }
        String subject = found.subject();
        if (colour == Colour.UNKNOWN) {
            return new DocumentVerdict(Decision.DENY, Reason.UNKNOWN_SUBJECT, type, null, colour, answer.source(),
                    answer.degraded());
        }
        Decision decision = scene.decisions().get(colour);
        if (decision == Decision.PASS && colour == Colour.RED) {
            decision = Decision.DENY; // a red never opens a gate, whatever a scene says
        }
        if (decision == Decision.PASS) {
            if (scene.requireVaccinated()) {
                return new DocumentVerdict(Decision.MANUAL, Reason.VACCINATION_REQUIRED, type, subject, colour,
                        answer.source(), answer.degraded());
            }
            return new DocumentVerdict(Decision.PASS, Reason.OK, type, subject, colour, answer.source(),
                    answer.degraded());
        }
        return new DocumentVerdict(decision, ScenePolicy.reasonOf(colour), type, subject, colour, answer.source(),
                answer.degraded());
    }
}
