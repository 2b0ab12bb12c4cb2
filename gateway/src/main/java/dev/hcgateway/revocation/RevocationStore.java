package dev.hcgateway.revocation;

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

    /** Revokes every code of the subject issued before {@code issuedBefore} (epoch seconds). */
    Future<Void> revokeSubject(String subject, long issuedBefore);

    /** Publishes a colour invalidation to every gateway (this one included); completes once stored. */
    Future<Void> publishInvalidation(List<String> subjects);

    /** Registers a listener for colour invalidations, called on any thread. */
    void onInvalidation(Consumer<List<String>> listener);

    /** Returns the mirror's state, for readiness and metrics. */
    MirrorState state();

    /** Stops following changes and releases connections. */
    Future<Void> close();
}
