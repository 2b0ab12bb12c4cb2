package dev.hcgateway.colour;

import dev.hcgateway.model.Degradation;
import dev.hcgateway.model.ColourAnswer;
import dev.hcgateway.model.DocumentColour;

import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Scene;
import dev.hcgateway.model.SubjectKey;
import io.vertx.core.Future;
import java.util.Collection;

/** The colour stage: the current colour of a valid code's subject, within the scene's time budget. */
public interface ColourService {

    /** Returns the colour to decide on; never fails (a failing store is a degraded answer). */
    Future<ColourAnswer> colourOf(HealthCode code, Scene scene);

    /**
     * Returns the colour of the subject behind an identity document (looked up by its keyed hash); never
     * fails. Offline mode has no store to ask: no colour.
     */
    default Future<DocumentColour> colourOfDocument(DocumentKey document) {
        return Future.succeededFuture(DocumentColour.unavailable(Degradation.OFFLINE));
    }

    /**
     * Drops cached colours of these subjects in this gateway: each under its issuer, or under every issuer
     * ({@link SubjectKey#everyIssuer()}).
     */
    default void invalidateLocal(Collection<SubjectKey> subjects) {
    }

    /** Returns the subjects the stores said were red, for as long as each red is kept to deny (for the disk). */
    default java.util.List<RememberedRed> reds() {
        return java.util.List.of();
    }

    /** Takes back reds remembered before a restart: each denies while the store does not answer, until it ends. */
    default void remember(java.util.List<RememberedRed> reds) {
    }

    /** Tells whether the gateway runs with an authoritative store. */
    default boolean online() {
        return false;
    }

    /** Releases clients and timers. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
