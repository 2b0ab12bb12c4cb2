package dev.hcgateway.config;

/**
 * How codes are verified.
 *
 * @param defaultScene      the scene of a request that names none
 * @param clockSkewSeconds  tolerance of the time rules (health-code spec, section 3, step 4)
 * @param nativeCrypto      use the native provider when it loads (false forces the JDK's, e.g. to compare)
 * @param offloadCrypto     run decode and verify on the worker pool instead of the event loop (measured slower)
 * @param verifiedCodeCache the cache that lets a re-read skip decode and signature
 */
public record VerifyConfig(String defaultScene, int clockSkewSeconds, boolean nativeCrypto, boolean offloadCrypto,
                           VerifiedCodeCache verifiedCodeCache) {

    /**
     * Bounds of the verified-code cache (docs/passages.md, "Repeat scans").
     *
     * @param maxEntries codes kept at most (0: off, every scan verifies afresh)
     * @param ttlSeconds how long after its verification a code is kept
     */
    public record VerifiedCodeCache(int maxEntries, int ttlSeconds) {
    }

    static VerifyConfig from(ConfigNode n) {
        ConfigNode cache = n.child("verifiedCodeCache");
        return new VerifyConfig(n.string("defaultScene"), n.integer("clockSkewSeconds", 0, 3600),
                n.bool("nativeCrypto"), n.bool("offloadCrypto"),
                new VerifiedCodeCache(cache.integer("maxEntries", 0, 10_000_000), cache.integer("ttlSeconds", 1, 86_400)));
    }
}
