package dev.hcgateway.document;

import dev.hcgateway.colour.Colour;
import dev.hcgateway.colour.ColourSource;
import dev.hcgateway.pipeline.Decision;
import dev.hcgateway.pipeline.Reason;
import java.util.Objects;

/**
 * The decision on an identity document. Unlike a code's {@code Verdict} there is no signed code behind it:
 * only the store's colour (fresh or cached) can open the gate.
 *
 * @param subject  the subject the store matched the document to, or null
 * @param colour   the colour that decided, or null when no colour was had
 * @param source   {@code authority} or {@code cache} with a colour, null without
 * @param degraded true when the store could not answer and a stand-in (stale cache, fallback) decided
 */
public record DocumentVerdict(Decision decision, Reason reason, DocumentType type, String subject, Colour colour,
                              ColourSource source, boolean degraded) {

    public DocumentVerdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(type, "type");
        if ((colour == null) != (source == null)) {
            throw new IllegalArgumentException("colour and source go together");
        }
        if (source == ColourSource.CODE) {
            throw new IllegalArgumentException("a document has no signed snapshot");
        }
        if ((reason == Reason.OK) != (decision == Decision.PASS)) {
            throw new IllegalArgumentException("reason ok means pass, and pass means reason ok");
        }
        if (decision == Decision.PASS && (colour == null || colour == Colour.UNKNOWN || colour == Colour.RED
                || colour == Colour.GREY)) {
            throw new IllegalArgumentException("only a known colour other than red can pass");
        }
        if (colour == null && !degraded) {
            throw new IllegalArgumentException("no colour means the store did not answer: degraded");
        }
    }

    @Override
    public String toString() {
        return "DocumentVerdict[" + decision + ", " + reason + ", " + type + "]"; // no subject in logs
    }
}
