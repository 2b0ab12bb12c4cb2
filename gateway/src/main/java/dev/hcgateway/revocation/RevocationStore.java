package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.RevocationLookup;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * The revocation set and the change feed that carries revocations and colour invalidations to every gateway.
 * {@link #isRevoked} reads a local mirror only: a scan never waits on the network.
 */
public interface RevocationStore extends RevocationLookup {

    /** Loads the mirror and starts following changes. */
    Future<Void> start();

    /** Tells whether the code is revoked: by its code id, or by its subject with codes issued before an instant. */
    @Override
    boolean isRevoked(HealthCode code);

    /** Revokes one code by its id; completes once the change is stored. */
    Future<Void> revokeCode(byte[] codeId);

    /**
     * Revokes every code of the subject issued before {@code issuedBefore} (epoch seconds): under the key's issuer,
     * or under every issuer.
     */
    Future<Void> revokeSubject(SubjectKey key, long issuedBefore);

    /**
     * Writes the revocation set this gateway holds, with its generation and position, as JSON lines
     * ({@link RevocationLines}): what {@code store restore} re-seeds a flushed Redis from. Blocking (a worker's job).
     *
     * @throws IllegalStateException while nothing is loaded
     */
    void export(java.io.OutputStream out) throws java.io.IOException;

    /**
     * Gives every revocation held: each revoked code id, then each revoked subject with the instant before which its
     * codes are revoked. What an offline bundle is built from; may take a while on a large mirror (a worker's job).
     */
    void forEachRevocation(java.util.function.Consumer<byte[]> codes,
                           java.util.function.ObjLongConsumer<SubjectKey> subjects);

    /**
     * Returns a number that changes whenever the revocations held change (it only grows): what a cache of something
     * built from them (the offline bundle) compares to know it is out of date.
     */
    long revision();

    /**
     * Publishes a colour invalidation of these subjects under {@code issuer} (null: under every issuer) to every
     * gateway, this one included; completes once stored.
     */
    Future<Void> publishInvalidation(String issuer, List<String> subjects);

    /**
     * Registers a listener for colour invalidations, called on any thread with the keys of one invalidation: all
     * under one issuer, or all under every issuer ({@link SubjectKey#everyIssuer()}).
     */
    void onInvalidation(Consumer<List<SubjectKey>> listener);

    /**
     * Returns the mirror's state, for readiness and metrics. {@link MirrorState#serving()} is the contract every
     * judged route honours: false until the mirror is loaded (from Redis or from disk) and once it is past its
     * staleness bound; no code is judged meanwhile.
     */
    MirrorState state();

    /** Tells what {@code state().serving()} tells, without building the report: asked once per judged request. */
    default boolean serving() {
        return state().serving();
    }

    /** Stops following changes and releases connections. */
    Future<Void> close();
}
