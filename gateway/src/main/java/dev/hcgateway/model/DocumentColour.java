package dev.hcgateway.model;

import java.util.Objects;

/**
 * The colour stage's answer for an identity document.
 *
 * @param subject the subject the store matched the document to, or null (unknown document, or no answer)
 */
public record DocumentColour(ColourAnswer answer, String subject) {

    public DocumentColour {
        Objects.requireNonNull(answer, "answer");
        if (answer.source() == ColourSource.CODE) {
            throw new IllegalArgumentException("a document has no signed snapshot");
        }
    }

    /** Returns no colour: the store is not configured or did not answer in time. */
    public static DocumentColour unavailable(Degradation why) {
        return new DocumentColour(ColourAnswer.none(why), null);
    }

    @Override
    public String toString() {
        return "DocumentColour[" + answer + "]"; // no subject in logs
    }
}
