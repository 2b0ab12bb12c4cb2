package dev.hcgateway.model;

/**
 * What a person presented at a gate: a signed code, or an identity document the store knows. Every route judges
 * a credential through the same colour stage and scene policy into one {@link Verdict}.
 */
public sealed interface Credential permits HealthCode, IdentityDocument {

    /** Returns the subject the credential belongs to, or null when it is not known (an unknown document). */
    String subject();

    /** Tells whether a full vaccination course is on record for this credential. */
    boolean vaccinated();

    /** Tells whether a signed colour snapshot travels with the credential (only a code has one). */
    default boolean signed() {
        return this instanceof HealthCode;
    }
}
