package dev.hcgateway.code;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.CodeKind;

import dev.hcgateway.model.Reason;

/** The time rules of the health-code spec, section 3, step 4. Pure. */
public final class TimeRules {

    private TimeRules() {
    }

    /**
     * Returns the failing reason, or null when the code is within its time.
     *
     * @param maxCodeAgeSeconds the scene's screenshot bound; paper codes are exempt
     */
    public static Reason check(HealthCode code, long now, long skewSeconds, long maxCodeAgeSeconds) {
        if (now > code.expiresAt() + skewSeconds) {
            return Reason.EXPIRED;
        }
        if (code.issuedAt() > now + skewSeconds) {
            return Reason.NOT_YET_VALID;
        }
        if (code.issuedAt() >= code.expiresAt()) {
            // A claims fault (spec: iat < exp), judged after expiry so that an expired code reads as expired.
            return Reason.MALFORMED;
        }
        if (code.kind() != CodeKind.PAPER && now - code.issuedAt() > maxCodeAgeSeconds) {
            return Reason.STALE_CODE;
        }
        return null;
    }
}
