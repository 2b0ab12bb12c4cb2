package dev.hcgateway.config;

/**
 * The trust list.
 *
 * @param file             the trust list file, or null for the bundled demo list
 * @param reloadIntervalMs how often the file is checked for changes
 * @param anchorKey        the national trust anchor's public key file (PEM, base64 DER or JWK), or null: then the
 *                         list needs no signature; with it, only a list whose {@code <file>.jws} the anchor signed
 */
public record TrustConfig(String file, int reloadIntervalMs, String anchorKey) {

    /** The variable the contract names for {@code trust.anchorKey}, beside the one its path spells. */
    static final String ANCHOR_VARIABLE = "HC_TRUST_ANCHOR";

    static TrustConfig from(ConfigNode n) {
        return new TrustConfig(n.optionalString("file"), n.integer("reloadIntervalMs", 100, 3_600_000),
                n.optionalString("anchorKey"));
    }
}
