package dev.hcgateway.tracer;

/**
 * A tracer request refused, as a value: its status, error code and sentence, and the {@code Retry-After} seconds
 * (0: none). {@link Replies} is the one place that turns it into an answer.
 */
record Refusal(int status, String error, String message, int retryAfterSeconds) {

    static final Refusal UNAUTHORIZED = new Refusal(401, "unauthorized",
            "A valid tracer token or officer JWT is required (Authorization: Bearer).", 0);
    static final Refusal CASE_REQUIRED = badRequest("case_required",
            "Name the case: \"case\", 1..64 printable characters.");
    static final Refusal NOT_CONFIGURED = unavailable("passages_store_not_configured",
            "No passages store is configured on this gateway (HC_PASSAGES_URL).", 0);
    static final Refusal STORE_UNAVAILABLE = unavailable("passages_store_unavailable",
            "The passages store did not answer; retry shortly.", 5);
    static final Refusal AUDIT_UNAVAILABLE = unavailable("audit_unavailable",
            "The query could not be written to the audit, so it is not answered; retry shortly.", 5);
    static final Refusal KEYS_UNAVAILABLE = unavailable("officer_keys_unavailable",
            "The identity provider's keys (tracer.jwks) could not be read; officer tokens cannot be checked.", 5);
    static final Refusal INTERNAL = new Refusal(500, "internal", "Something went wrong on our side.", 0);

    /** Returns a 400 refusal. */
    static Refusal badRequest(String error, String message) {
        return new Refusal(400, error, message, 0);
    }

    /** Returns a 503 refusal. */
    static Refusal unavailable(String error, String message, int retryAfterSeconds) {
        return new Refusal(503, error, message, retryAfterSeconds);
    }

    /** Returns the 403 of an officer without the role a route needs. */
    static Refusal forbidden(Officer.Role role) {
        return new Refusal(403, "forbidden", "This needs the officer role \"" + role.wire() + "\".", 0);
    }

    /** Returns this refusal as an exception, to fail a future or a parse with. */
    Refused exception() {
        return new Refused(this);
    }

    /** A {@link Refusal} travelling through a failed future or out of a parser; it carries no stack trace. */
    static final class Refused extends RuntimeException {
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.error(), null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }
}
