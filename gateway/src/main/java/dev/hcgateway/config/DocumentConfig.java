package dev.hcgateway.config;

/**
 * Verification by identity document.
 *
 * @param key the secret of the document hash shared with the store (its UTF-8 bytes key the HMAC), or null
 *            (the endpoint answers 503)
 */
public record DocumentConfig(String key) {

    /** Shortest accepted key: a guessable key would let anyone holding hashes test ID numbers offline. */
    public static final int MIN_KEY_LENGTH = 16;

    public DocumentConfig {
        if (key != null && key.length() < MIN_KEY_LENGTH) {
            throw new ConfigException("document.key: must be at least " + MIN_KEY_LENGTH + " characters");
        }
    }

    static DocumentConfig from(ConfigNode n) {
        return new DocumentConfig(n.optionalString("key"));
    }

    @Override
    public String toString() {
        return "DocumentConfig[key=" + (key == null ? "none" : "***") + "]";
    }
}
