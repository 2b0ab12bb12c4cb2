package dev.hcgateway.model;

import java.util.Objects;

/**
 * The in-memory part of judging a code (steps 1 to 5): a {@link Valid} code, a {@link Rejection}, or a whole
 * {@link DccVerdict} (a DCC has no colour stage, so memory decides it).
 */
public sealed interface Validation permits Validation.Valid, DccVerdict, Rejection {

    /** A code that decoded, is trusted, signed, in time and not revoked. */
    record Valid(HealthCode code) implements Validation {
        public Valid {
            Objects.requireNonNull(code, "code");
        }
    }
}
