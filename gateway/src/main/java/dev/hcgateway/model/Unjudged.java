package dev.hcgateway.model;

/**
 * A credential the gateway failed to judge (a fault inside it, not in the credential): the gate stays shut and
 * staff check, as when no trustworthy colour is had. Used where one slot of a larger answer must not fail the rest.
 */
public record Unjudged() implements Outcome {

    @Override
    public Decision decision() {
        return Decision.MANUAL;
    }

    @Override
    public Reason reason() {
        return Reason.AUTHORITY_UNAVAILABLE;
    }

    @Override
    public boolean degraded() {
        return true;
    }
}
