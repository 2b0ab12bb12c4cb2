package dev.hcgateway.config;

/**
 * How codes are verified.
 *
 * @param defaultScene     the scene of a request that names none
 * @param clockSkewSeconds tolerance of the time rules (health-code spec, section 3, step 4)
 * @param nativeCrypto     use the native provider when it loads (false forces the JDK's, e.g. to compare)
 * @param offloadCrypto    run decode and verify on the worker pool instead of the event loop (measured slower)
 */
public record VerifyConfig(String defaultScene, int clockSkewSeconds, boolean nativeCrypto, boolean offloadCrypto) {

    static VerifyConfig from(ConfigNode n) {
        return new VerifyConfig(n.string("defaultScene"), n.integer("clockSkewSeconds", 0, 3600),
                n.bool("nativeCrypto"), n.bool("offloadCrypto"));
    }
}
