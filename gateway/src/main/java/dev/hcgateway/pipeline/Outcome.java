package dev.hcgateway.pipeline;

/**
 * The result of judging one code: a {@link Verdict} on a valid code, a {@link DccVerdict} on a valid EU DCC, or
 * a {@link Rejection} of an invalid one.
 */
public sealed interface Outcome permits Verdict, DccVerdict, Rejection {

    /** Returns what the gate does. */
    Decision decision();

    /** Returns why. */
    Reason reason();
}
