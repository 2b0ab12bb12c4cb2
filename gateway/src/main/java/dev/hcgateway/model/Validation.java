package dev.hcgateway.model;

import java.util.Objects;

/** The in-memory part of judging a code (steps 1 to 5): a {@link Valid} code, or a {@link Rejection}. */
public sealed interface Validation permits Validation.Valid, Rejection {

    /** A code that decoded, is trusted, signed, in time and not revoked. */
    record Valid(HealthCode code) implements Validation {
        public Valid {
            Objects.requireNonNull(code, "code");
        }
    }
}
