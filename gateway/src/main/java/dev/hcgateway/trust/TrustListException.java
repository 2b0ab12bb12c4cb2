package dev.hcgateway.trust;

/** A trust list that cannot be used; the message names the file and the key at fault. */
public class TrustListException extends Exception {

    /** Creates the exception with a message fit for an operator. */
    public TrustListException(String message) {
        super(message);
    }
}
