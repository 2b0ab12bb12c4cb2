package dev.hcgateway.config;

/**
 * The offline bundle (docs/offline.md).
 *
 * @param bundleKey      the fleet's bundle key file (PKCS#8 PEM or base64 DER), or null: offline gates not served
 * @param validSeconds   how long a bundle may be judged with after it was issued
 * @param exactCodeLimit    revoked code ids carried exactly up to this many; above it, in a Bloom filter
 * @param minRebuildSeconds a change rebuilds the bundle at most this often
 */
public record OfflineConfig(String bundleKey, int validSeconds, int exactCodeLimit, int minRebuildSeconds) {

    static OfflineConfig from(ConfigNode n) {
        return new OfflineConfig(n.optionalString("bundleKey"), n.integer("validSeconds", 60, 7 * 86_400),
                n.integer("exactCodeLimit", 0, 10_000_000), n.integer("minRebuildSeconds", 0, 3600));
    }
}
