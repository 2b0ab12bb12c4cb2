package dev.hcgateway.cli;

/** A command that could not do its work, with a message for the operator; the process exits with 1. */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates a failure whose message is printed as is. */
    public CliFailure(String message) {
        super(message);
    }
}
