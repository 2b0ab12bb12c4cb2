package dev.hcgateway.model;

/**
 * The result of judging one credential: a {@link Verdict} on a valid one (a {@link DccVerdict} for an EU
 * certificate, which the scene's rules decide without a colour), a {@link Rejection} of an invalid code, or
 * {@link Unjudged} when the gateway itself failed to judge it.
 */
public sealed interface Outcome permits Verdict, DccVerdict, Rejection, Unjudged {

    /** Returns what the gate does. */
    Decision decision();

    /** Returns why. */
    Reason reason();

    /** Tells whether a stand-in decided because the store (or the gateway) could not give its word. */
    boolean degraded();
}
