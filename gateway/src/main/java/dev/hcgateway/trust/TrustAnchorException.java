package dev.hcgateway.trust;

/**
 * A trust list refused because the configured trust anchor did not sign it, or an anchor key that cannot be used:
 * an operator's configuration to fix, not a passing fault, so a start refused for it exits as a configuration error.
 */
public final class TrustAnchorException extends TrustListException {

    private final TrustAnchor.Cause refusal;

    /** Creates the exception for an anchor that cannot be used; the message names its file. */
    public TrustAnchorException(String message) {
        this(message, null);
    }

    /** Creates the exception for a list the anchor did not sign, for this cause; the message names the file. */
    public TrustAnchorException(String message, TrustAnchor.Cause cause) {
        super(message);
        this.refusal = cause;
    }

    /** Returns why the anchor refused the list, or null when the anchor itself is at fault. */
    public TrustAnchor.Cause refusal() {
        return refusal;
    }
}
