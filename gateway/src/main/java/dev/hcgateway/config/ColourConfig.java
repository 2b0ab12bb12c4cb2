package dev.hcgateway.config;

/**
 * The live colour stage (online mode): cache, batching, store protection and degraded mode.
 *
 * @param budgetMs            how long a scan waits for the store's colour before a stand-in decides
 * @param batchWindowMs       misses of different subjects within this window go out as one lookup (0: at once)
 * @param maxBatch            subjects (or documents) per lookup, at most 200 (authority API)
 * @param maxInFlightLookups  lookups (HTTP requests) to the store at once; past it, misses degrade at once
 * @param maxLookupsPerSecond subjects (or documents) sent to the store per second, as a token bucket holding
 *                            one second's worth; past it, misses degrade at once
 * @param breakerFailures     consecutive failed lookups that open the circuit breaker
 * @param breakerOpenMs       how long the open breaker refuses lookups before one probe may go
 * @param defaultTtlSeconds   cache time of a colour whose answer has no {@code ttlSeconds}
 * @param maxTtlSeconds       cap of the store's {@code ttlSeconds}
 * @param maxStaleSeconds     how long past its TTL a cached colour may stand in while the store is down
 * @param redRetentionSeconds how long past its TTL a cached red is kept to deny while the store is down
 * @param maximumSize         cached subject colours at most
 * @param documentMaximumSize cached document colours at most
 */
public record ColourConfig(int budgetMs, int batchWindowMs, int maxBatch, int maxInFlightLookups,
                           int maxLookupsPerSecond, int breakerFailures, int breakerOpenMs, int defaultTtlSeconds,
                           int maxTtlSeconds, int maxStaleSeconds, int redRetentionSeconds, long maximumSize,
                           long documentMaximumSize) {

    /** The authority API's limit of subjects per lookup. */
    public static final int API_MAX_BATCH = 200;

    static ColourConfig from(ConfigNode n) {
        return new ColourConfig(
                n.integer("budgetMs", 10, 1000),
                n.integer("batchWindowMs", 0, 50),
                n.integer("maxBatch", 1, API_MAX_BATCH),
                n.integer("maxInFlightLookups", 1, 1024),
                n.integer("maxLookupsPerSecond", 1, 10_000_000),
                n.integer("breakerFailures", 1, 1000),
                n.integer("breakerOpenMs", 100, 600_000),
                n.integer("defaultTtlSeconds", 0, 86_400),
                n.integer("maxTtlSeconds", 0, 86_400),
                n.integer("maxStaleSeconds", 0, 86_400),
                n.integer("redRetentionSeconds", 0, 7 * 86_400),
                n.number("maximumSize", 1, 100_000_000),
                n.number("documentMaximumSize", 1, 10_000_000));
    }
}
