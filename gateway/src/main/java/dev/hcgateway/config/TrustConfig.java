package dev.hcgateway.config;

/**
 * The trust list.
 *
 * @param file             the trust list file, or null for the bundled demo list
 * @param reloadIntervalMs how often the file is checked for changes
 */
public record TrustConfig(String file, int reloadIntervalMs) {

    static TrustConfig from(ConfigNode n) {
        return new TrustConfig(n.optionalString("file"), n.integer("reloadIntervalMs", 100, 3_600_000));
    }
}
