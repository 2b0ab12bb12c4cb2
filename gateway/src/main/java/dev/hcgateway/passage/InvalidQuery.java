package dev.hcgateway.passage;

/**
 * A tracer query whose parameters are wrong (a missing person, a bad window, a bad cursor): the edge answers it
 * 400 with {@link #error} as the error code and the message as its sentence.
 */
public final class InvalidQuery extends RuntimeException {

    private final String error;

    InvalidQuery(String error, String message) {
        super(message, null, false, false); // a client's mistake: no stack trace to fill
        this.error = error;
    }

    /** Returns the error code of the answer, e.g. {@code invalid_window}. */
    public String error() {
        return error;
    }
}
