package dev.hcgateway.format;

import dev.hcgateway.model.Validation;

/**
 * Judges a decoded credential in memory, in its format's order: trust, signature, time, revocation, and whatever
 * rules the format's credentials carry. Pure but for the revocation look-up it is given; thread-safe.
 */
@FunctionalInterface
public interface FormatJudge<C> {

    /** Returns a rejection, a valid code for the colour stage, or a whole verdict (a format without colours). */
    Validation judge(Decoded.Signed<C> signed, Judging judging);
}
