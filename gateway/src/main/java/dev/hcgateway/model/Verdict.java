package dev.hcgateway.model;

import java.util.Objects;

/**
 * The decision on a valid credential: a code whose signature, time and revocation checks passed, or an identity
 * document the store was asked about.
 *
 * @param credential what was judged
 * @param colour     the colour that decided, or null when no trustworthy colour was had
 * @param source     where that colour came from, or null with it
 * @param degraded   true when the authoritative store could not answer and a fallback decided
 */
public record Verdict(Decision decision, Reason reason, Credential credential, Colour colour, ColourSource source,
                      boolean degraded) implements Outcome {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(credential, "credential");
        if ((colour == null) != (source == null)) {
            throw new IllegalArgumentException("colour and source go together");
        }
        if ((reason == Reason.OK) != (decision == Decision.PASS)) {
            throw new IllegalArgumentException("reason ok means pass, and pass means reason ok");
        }
        if (decision == Decision.PASS && (colour == null || colour == Colour.UNKNOWN || colour == Colour.RED
                || colour == Colour.GREY)) {
            throw new IllegalArgumentException("only a known colour other than red and grey can pass");
        }
        if (source == ColourSource.CODE && !credential.signed()) {
            throw new IllegalArgumentException("only a code carries a signed snapshot");
        }
        if (colour == null && !degraded) {
            throw new IllegalArgumentException("no colour means the store did not answer: degraded");
        }
    }

    /** Returns the code judged, or null when the credential is an identity document. */
    public HealthCode code() {
        return credential instanceof HealthCode code ? code : null;
    }
}
