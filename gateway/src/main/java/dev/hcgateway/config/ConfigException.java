package dev.hcgateway.config;

/** A configuration that cannot be used; the message names the key (e.g. {@code http.port}) and the fault. */
public final class ConfigException extends RuntimeException {

    /** Creates the exception with a message naming the key. */
    public ConfigException(String message) {
        super(message);
    }
}
