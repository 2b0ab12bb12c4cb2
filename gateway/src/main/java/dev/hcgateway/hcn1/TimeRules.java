package dev.hcgateway.hcn1;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.Reason;

/**
 * The time rules of the health-code spec, section 3, step 4, with the validity bounds by kind of its additions.
 * Pure. Every sum saturates: the claims are attacker-chosen uints up to 2^63-1, and an {@code exp + skew} that
 * wrapped to a negative number would call the longest-valid code expired (or, the other way round, a code valid).
 */
public final class TimeRules {

    private final long skewSeconds;
    private final ValidityBounds bounds;

    /** Creates the rules with this tolerance (seconds) and these per-kind bounds. */
    public TimeRules(long skewSeconds, ValidityBounds bounds) {
        if (skewSeconds < 0) {
            throw new IllegalArgumentException("skew must not be negative");
        }
        this.skewSeconds = skewSeconds;
        this.bounds = java.util.Objects.requireNonNull(bounds, "bounds");
    }

    /** Returns the allowed clock skew in seconds. */
    public long skewSeconds() {
        return skewSeconds;
    }

    /** Returns the last instant (epoch seconds) the code is valid, before the skew: {@code min(exp, iat + max)}. */
    public long validUntil(HealthCode code) {
        return bounds.validUntil(code);
    }

    /**
     * Returns the failing reason, or null when the code is within its time.
     *
     * @param now               the instant of the time rules, epoch seconds
     * @param maxCodeAgeSeconds the scene's screenshot bound; paper codes are exempt
     */
    public Reason check(HealthCode code, long now, long maxCodeAgeSeconds) {
        if (now > saturatedAdd(validUntil(code), skewSeconds)) {
            return Reason.EXPIRED;
        }
        if (code.issuedAt() > saturatedAdd(now, skewSeconds)) {
            return Reason.NOT_YET_VALID;
        }
        if (code.issuedAt() >= code.expiresAt()) {
            // A claims fault (spec: iat < exp), judged after expiry so that an expired code reads as expired.
            return Reason.MALFORMED;
        }
        // now and iat are both >= 0 here, so the difference cannot wrap.
        if (code.kind() != CodeKind.PAPER && now - code.issuedAt() > maxCodeAgeSeconds) {
            return Reason.STALE_CODE;
        }
        return null;
    }

    /** Returns {@code a + b}, held at {@code Long.MAX_VALUE} / {@code Long.MIN_VALUE} instead of wrapping. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow happened when both operands share a sign that the sum does not.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
