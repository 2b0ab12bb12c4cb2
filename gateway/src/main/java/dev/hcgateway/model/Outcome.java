package dev.hcgateway.model;

/** The result of judging one code: a {@link Verdict} on a valid code, or a {@link Rejection} of an invalid one. */
public sealed interface Outcome permits Verdict, Rejection {

    /** Returns what the gate does. */
    Decision decision();

    /** Returns why. */
    Reason reason();
}
