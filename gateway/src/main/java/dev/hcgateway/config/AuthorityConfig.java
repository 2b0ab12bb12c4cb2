package dev.hcgateway.config;

/**
 * The authoritative colour store.
 *
 * @param url   its base URL, or null for offline mode (the signed snapshot decides)
 * @param token bearer token sent to it, or null
 */
public record AuthorityConfig(String url, String token) {

    static AuthorityConfig from(ConfigNode n) {
        return new AuthorityConfig(n.optionalString("url"), n.optionalString("token"));
    }
}
