package dev.hcgateway.revocation;

/**
 * How trustworthy the local revocation mirror is.
 *
 * @param mode      {@code local} (in-process only) or {@code redis}
 * @param connected whether the source of truth answers
 * @param lagMillis how far the mirror is known to trail the source, 0 when in step
 * @param entries   revoked codes and subjects held
 * @param serving   false when the mirror is too stale to judge by (readiness fails)
 * @param problem   what is wrong, or null
 */
public record MirrorState(String mode, boolean connected, long lagMillis, long entries, boolean serving,
                          String problem) {
}
