package dev.hcgateway.gate;

import dev.hcgateway.hcn1.ValidityBounds;
import dev.hcgateway.model.Scene;
import java.util.Map;
import java.util.Objects;

/**
 * What an offline gate judges with (offline-v1.md, section 1): the trust list as the gateway loaded it (its JSON,
 * keys and signer certificates with their validity windows), the revocations of the gateway's mirror, the scenes'
 * rules with the time rules they run under, and the window the bundle may be used in.
 *
 * @param issuedAt         when the gateway built it, epoch seconds
 * @param validUntil       the last instant it may be judged with, epoch seconds ({@code issuedAt + offline.validSeconds})
 * @param kid              the bundle key's id: base64url of the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo
 * @param trustList        the trust list file's bytes, parsed at the gate by the gateway's own parser
 * @param defaultScene     the scene of a code given without one
 * @param scenes           the scenes' rules by name
 * @param clockSkewSeconds the time rules' tolerance
 * @param maxValidity      the longest each kind of code is valid after its {@code iat}
 */
public record Bundle(long issuedAt, long validUntil, String kid, byte[] trustList, String defaultScene,
                     Map<String, Scene> scenes, int clockSkewSeconds, ValidityBounds maxValidity,
                     BundleRevocations revocations) {

    public Bundle {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(trustList, "trustList");
        Objects.requireNonNull(defaultScene, "defaultScene");
        Objects.requireNonNull(maxValidity, "maxValidity");
        Objects.requireNonNull(revocations, "revocations");
        scenes = Map.copyOf(scenes);
        if (validUntil < issuedAt) {
            throw new IllegalArgumentException("a bundle is valid after it was issued");
        }
        if (!scenes.containsKey(defaultScene)) {
            throw new IllegalArgumentException("the default scene is not among the scenes");
        }
        if (clockSkewSeconds < 0) {
            throw new IllegalArgumentException("the clock skew must not be negative");
        }
    }
}
