package dev.hcgateway.model;

/**
 * Answers whether a code is revoked, from what is held in memory: the gateway's mirror of the revocation set, or
 * what an offline gate downloaded. A judge asks it on every scan, so it never waits on a network.
 */
@FunctionalInterface
public interface RevocationLookup {

    /** Knows of no revocation: for tools and tests that judge without a revocation set. */
    RevocationLookup NONE = code -> false;

    /** Tells whether the code is revoked: by its code id, or by its subject with codes issued before an instant. */
    boolean isRevoked(HealthCode code);
}
