package dev.hcgateway.config;

import dev.hcgateway.model.SubjectKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The authoritative colour stores and the HTTP client settings every one of them gets (authority API v1): a store
 * per issuer ({@code issuers}), and a default store ({@code url}) for issuers not listed. Each store has its own
 * client, pool, breaker, token bucket and metrics; the numbers below apply to each.
 *
 * @param url                      the default store's base URL without a trailing slash, or null: issuers not
 *                                 listed are judged offline (the signed snapshot decides)
 * @param token                    bearer token sent to the default store, and to a listed store without its own
 * @param issuers                  issuer id to its own store, in file order
 * @param documentIssuer           the listed issuer whose store answers identity-document lookups, or null: the
 *                                 default store (none: documents have no store)
 * @param connectTimeoutMs         how long a new connection may take
 * @param requestTimeoutMs         how long one lookup may take in all (connect, send, answer); then it is dropped
 * @param idleTimeoutSeconds       closes pooled connections idle this long
 * @param maxConnections           connections to each store (Vert.x default: 5)
 * @param maxWaitQueue             requests waiting for a connection, per store; more fail at once (Vert.x default:
 *                                 unbounded)
 * @param defaultRetryAfterSeconds back-off after a 429/503 without a usable {@code Retry-After}
 * @param maxRetryAfterSeconds     the longest back-off a {@code Retry-After} may ask for
 */
public record AuthorityConfig(String url, String token, Map<String, StoreEndpoint> issuers, String documentIssuer,
                              int connectTimeoutMs, int requestTimeoutMs,
                              int idleTimeoutSeconds, int maxConnections, int maxWaitQueue,
                              int defaultRetryAfterSeconds, int maxRetryAfterSeconds) {

    private static final Set<String> STORE_KEYS = Set.of("url", "token");

    public AuthorityConfig {
        if (url != null) {
            url = StoreEndpoint.checkUrl("authority.url", url);
        }
        StoreEndpoint.checkToken("authority.token", token);
        issuers = Collections.unmodifiableMap(new LinkedHashMap<>(issuers));
        for (String issuer : issuers.keySet()) {
            if (!SubjectKey.validIssuer(issuer)) {
                throw new ConfigException("authority.issuers." + issuer + ": not an issuer id (1..32 of A-Z, 0-9, -)");
            }
        }
        if (documentIssuer != null && !issuers.containsKey(documentIssuer)) {
            throw new ConfigException("authority.documentIssuer: \"" + documentIssuer
                    + "\" is not a key of authority.issuers");
        }
        if (defaultRetryAfterSeconds > maxRetryAfterSeconds) {
            throw new ConfigException("authority.defaultRetryAfterSeconds: must not exceed maxRetryAfterSeconds");
        }
    }

    static AuthorityConfig from(ConfigNode n) {
        String token = n.optionalString("token");
        return new AuthorityConfig(
                n.optionalString("url"),
                token,
                issuers(n.child("issuers"), token),
                n.optionalString("documentIssuer"),
                n.integer("connectTimeoutMs", 10, 60_000),
                n.integer("requestTimeoutMs", 10, 60_000),
                n.integer("idleTimeoutSeconds", 1, 3600),
                n.integer("maxConnections", 1, 1024),
                n.integer("maxWaitQueue", 0, 100_000),
                n.integer("defaultRetryAfterSeconds", 1, 3600),
                n.integer("maxRetryAfterSeconds", 1, 3600));
    }

    /** Reads {@code issuers}: each a map of {@code url} (required) and {@code token} (else the default token). */
    private static Map<String, StoreEndpoint> issuers(ConfigNode n, String defaultToken) {
        Map<String, StoreEndpoint> out = new LinkedHashMap<>();
        for (String issuer : n.keys()) {
            ConfigNode store = n.child(issuer);
            for (String key : store.keys()) {
                if (!STORE_KEYS.contains(key)) {
                    throw store.fail(key, "unknown key (an issuer's store has only url and token)");
                }
            }
            String token = store.optionalString("token");
            out.put(issuer, new StoreEndpoint(StoreEndpoint.checkUrl(store.path() + ".url", store.string("url")),
                    StoreEndpoint.checkToken(store.path() + ".token", token == null ? defaultToken : token)));
        }
        return out;
    }

    /** Tells whether any store is configured (online mode); issuers without one are judged offline. */
    public boolean online() {
        return url != null || !issuers.isEmpty();
    }

    /** Returns the default store (issuers not listed), or null when there is none. */
    public StoreEndpoint defaultStore() {
        return url == null ? null : new StoreEndpoint(url, token);
    }

    @Override
    public String toString() {
        return "AuthorityConfig[url=" + url + ", token=" + (token == null ? "none" : "***") + ", issuers="
                + issuers + ", documentIssuer=" + documentIssuer
                + ", connectTimeoutMs=" + connectTimeoutMs + ", requestTimeoutMs=" + requestTimeoutMs
                + ", maxConnections=" + maxConnections + ", maxWaitQueue=" + maxWaitQueue + "]";
    }
}
