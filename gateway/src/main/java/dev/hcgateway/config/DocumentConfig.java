package dev.hcgateway.config;

/**
 * Verification by identity document.
 *
 * @param key the secret of the document hash shared with the store, or null (the endpoint answers 503)
 */
public record DocumentConfig(String key) {

    static DocumentConfig from(ConfigNode n) {
        return new DocumentConfig(n.optionalString("key"));
    }

    @Override
    public String toString() {
        return "DocumentConfig[key=" + (key == null ? "none" : "***") + "]";
    }
}
