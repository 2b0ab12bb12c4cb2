package dev.hcgateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The authoritative colour store and the HTTP client that talks to it (authority API v1).
 *
 * @param url                      its base URL without a trailing slash, or null for offline mode (the signed
 *                                 snapshot decides)
 * @param token                    bearer token sent to it, or null
 * @param connectTimeoutMs         how long a new connection may take
 * @param requestTimeoutMs         how long one lookup may take in all (connect, send, answer); then it is dropped
 * @param idleTimeoutSeconds       closes pooled connections idle this long
 * @param maxConnections           connections to the store (Vert.x default: 5)
 * @param maxWaitQueue             requests waiting for a connection; more fail at once (Vert.x default: unbounded)
 * @param defaultRetryAfterSeconds back-off after a 429/503 without a usable {@code Retry-After}
 * @param maxRetryAfterSeconds     the longest back-off a {@code Retry-After} may ask for
 */
public record AuthorityConfig(String url, String token, int connectTimeoutMs, int requestTimeoutMs,
                              int idleTimeoutSeconds, int maxConnections, int maxWaitQueue,
                              int defaultRetryAfterSeconds, int maxRetryAfterSeconds) {

    public AuthorityConfig {
        if (url != null) {
            url = checkUrl(url);
        }
        if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            // Anything else could split or forge the Authorization header.
            throw new ConfigException("authority.token: must be printable ASCII without spaces");
        }
        if (defaultRetryAfterSeconds > maxRetryAfterSeconds) {
            throw new ConfigException("authority.defaultRetryAfterSeconds: must not exceed maxRetryAfterSeconds");
        }
    }

    static AuthorityConfig from(ConfigNode n) {
        return new AuthorityConfig(
                n.optionalString("url"),
                n.optionalString("token"),
                n.integer("connectTimeoutMs", 10, 60_000),
                n.integer("requestTimeoutMs", 10, 60_000),
                n.integer("idleTimeoutSeconds", 1, 3600),
                n.integer("maxConnections", 1, 1024),
                n.integer("maxWaitQueue", 0, 100_000),
                n.integer("defaultRetryAfterSeconds", 1, 3600),
                n.integer("maxRetryAfterSeconds", 1, 3600));
    }

    /** Tells whether a store is configured (online mode). */
    public boolean online() {
        return url != null;
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new ConfigException("authority.url: must be http(s)://host[:port][/path] without query, "
                        + "fragment or credentials, got \"" + UriRedaction.redact(url) + "\"");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("authority.url: not a URL: \"" + UriRedaction.redact(url) + "\"");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "AuthorityConfig[url=" + url + ", token=" + (token == null ? "none" : "***")
                + ", connectTimeoutMs=" + connectTimeoutMs + ", requestTimeoutMs=" + requestTimeoutMs
                + ", maxConnections=" + maxConnections + ", maxWaitQueue=" + maxWaitQueue + "]";
    }
}
