package dev.hcgateway.config;

import java.util.Locale;

/**
 * Redis, home of the revocation set and the change stream (see {@code docs/revocation.md}).
 *
 * @param uri                 e.g. {@code redis://127.0.0.1:6379/0}, or through Sentinel
 *                            {@code redis-sentinel://s1:26379,s2:26379,s3:26379/0#mymaster}; null for an
 *                            in-process revocation set
 * @param keyPrefix           prefix of every key the gateway reads or writes
 * @param connectTimeoutMs    TCP connect timeout, also of reconnects
 * @param commandTimeoutMs    timeout of every command except the blocking stream read
 * @param requestQueueSize    commands queued per connection at most; more fail at once instead of piling up
 * @param reconnectMaxDelayMs upper bound of the jittered exponential reconnect backoff
 * @param streamBlockMs       how long one blocking read of the change stream waits for news
 * @param streamReadCount     stream entries read per round trip at most
 * @param streamMaxLength     approximate length the change stream is trimmed to on every write
 * @param snapshotBatch       COUNT hint of the SSCAN/HSCAN batches that load the mirror
 * @param maxStalenessSeconds mirror lag past which the mirror is reported stale
 * @param onStale             what a stale mirror does to readiness
 * @param maxStaleSeconds     mirror lag past which nothing is judged by it any more (not serving, 503 not_ready):
 *                            the bound of a gateway judging from its on-disk copy or through a Redis outage
 * @param requireMarker       refuse to load when the store's marker key is missing, instead of creating it
 * @param replicaAcks         replicas that must confirm an admin write ({@code WAIT}) before it is acknowledged
 * @param replicaWaitMs       how long an admin write waits for those replicas; then its outcome is unknown
 */
public record RedisConfig(String uri, String keyPrefix, int connectTimeoutMs, int commandTimeoutMs,
                          int requestQueueSize, int reconnectMaxDelayMs, int streamBlockMs, int streamReadCount,
                          int streamMaxLength, int snapshotBatch, int maxStalenessSeconds, OnStale onStale,
                          int maxStaleSeconds, boolean requireMarker, int replicaAcks, int replicaWaitMs) {

    /** What a mirror older than {@code maxStalenessSeconds} does. */
    public enum OnStale {
        /** Keep judging from the mirror and stay ready; the problem is reported and alerted on. */
        SERVE,
        /** Fail readiness, so that a load balancer prefers gateways that still reach Redis. */
        UNREADY
    }

    public RedisConfig {
        if (uri != null && !(uri.startsWith("redis://") || uri.startsWith("rediss://")
                || uri.startsWith("redis-socket://") || sentinel(uri))) {
            // The URI may carry a password: shown redacted, so the operator still sees the scheme and host.
            throw new ConfigException("redis.uri: must start with redis://, rediss://, redis-socket://,"
                    + " redis-sentinel:// or rediss-sentinel://, got \"" + UriRedaction.redact(uri) + "\"");
        }
        if (uri != null && sentinel(uri)) {
            checkSentinel(uri);
        }
        if (keyPrefix == null || keyPrefix.length() > 64 || keyPrefix.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new ConfigException("redis.keyPrefix: must be 1..64 characters without spaces or control characters");
        }
        if (onStale == null) {
            throw new ConfigException("redis.onStale: must be serve or unready");
        }
        if (maxStaleSeconds < maxStalenessSeconds) {
            throw new ConfigException("redis.maxStaleSeconds: must be at least redis.maxStalenessSeconds ("
                    + maxStalenessSeconds + "), got " + maxStaleSeconds);
        }
        // The blocking read needs its own, longer timeout; a command timeout near it would cut reads short.
        if (commandTimeoutMs > streamBlockMs * 10L) {
            throw new ConfigException("redis.commandTimeoutMs: must not exceed 10 x redis.streamBlockMs ("
                    + streamBlockMs + "), got " + commandTimeoutMs);
        }
    }

    /** Returns true for a Sentinel URI, which names the sentinels and the master set instead of one server. */
    public static boolean sentinel(String uri) {
        return uri.startsWith("redis-sentinel://") || uri.startsWith("rediss-sentinel://");
    }

    /**
     * Checks {@code redis-sentinel://[:password@]host:port[,host:port...][/db]#masterSet}: at least one sentinel,
     * each with a port in range, and the master set's name (without it Lettuce could not ask for the primary).
     */
    private static void checkSentinel(String uri) {
        String shown = "\"" + UriRedaction.redact(uri) + "\"";
        int hash = uri.indexOf('#');
        if (hash < 0 || hash == uri.length() - 1 || !uri.substring(hash + 1).matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException("redis.uri: a Sentinel URI must end with #<master set name>"
                    + " (letters, digits, . _ -), got " + shown);
        }
        String rest = uri.substring(uri.indexOf("://") + 3, hash);
        int at = rest.lastIndexOf('@');
        String hosts = rest.substring(at + 1).split("[/?]", 2)[0];
        for (String host : hosts.split(",", -1)) {
            int colon = host.lastIndexOf(':');
            String port = colon < 0 ? "" : host.substring(colon + 1);
            if (colon < 1 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
                    || Integer.parseInt(port) > 65_535) {
                throw new ConfigException("redis.uri: every sentinel needs host:port (port 1..65535), got " + shown);
            }
        }
    }

    static RedisConfig from(ConfigNode n) {
        return new RedisConfig(
                n.optionalString("uri"),
                n.string("keyPrefix"),
                n.integer("connectTimeoutMs", 10, 60_000),
                n.integer("commandTimeoutMs", 10, 60_000),
                n.integer("requestQueueSize", 16, 1_000_000),
                n.integer("reconnectMaxDelayMs", 100, 60_000),
                n.integer("streamBlockMs", 10, 30_000),
                n.integer("streamReadCount", 1, 100_000),
                n.integer("streamMaxLength", 1_000, 100_000_000),
                n.integer("snapshotBatch", 10, 1_000_000),
                n.integer("maxStalenessSeconds", 1, 30 * 86_400),
                onStale(n),
                n.integer("maxStaleSeconds", 60, 30 * 86_400),
                n.bool("requireMarker"),
                n.integer("replicaAcks", 0, 16),
                n.integer("replicaWaitMs", 10, 60_000));
    }

    private static OnStale onStale(ConfigNode n) {
        String value = n.string("onStale").toUpperCase(Locale.ROOT);
        for (OnStale o : OnStale.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        throw n.fail("onStale", "must be serve or unready, got \"" + n.string("onStale") + "\"");
    }

    @Override
    public String toString() {
        // The URI may carry a password: never print it.
        return "RedisConfig[uri=" + (uri == null ? "none" : "***") + ", keyPrefix=" + keyPrefix + "]";
    }
}
