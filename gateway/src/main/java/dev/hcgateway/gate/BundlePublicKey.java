package dev.hcgateway.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The public half of the fleet's bundle key, as {@code GET /v1/offline/key} answers it (a P-256 JWK) and a gate
 * stores it. Its kid follows the trust list's rule: the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo.
 *
 * @param key the P-256 public key
 * @param kid its 8-byte id
 */
public record BundlePublicKey(ECPublicKey key, byte[] kid) {

    public BundlePublicKey {
        Objects.requireNonNull(key, "key");
        if (kid == null || kid.length != 8) {
            throw new IllegalArgumentException("a kid is 8 bytes");
        }
    }

    /** Returns the key with its kid. */
    public static BundlePublicKey of(ECPublicKey key) {
        try {
            return new BundlePublicKey(key, Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Reads a JWK ({@code kty EC, crv P-256, x, y}); throws {@link IllegalArgumentException} saying what is wrong. */
    public static BundlePublicKey fromJwk(byte[] json) {
        JsonNode jwk;
        try {
            jwk = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the key is not JSON");
        }
        if (jwk == null || !"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("the key is not a P-256 JWK (kty EC, crv P-256)");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            ECPoint w = new ECPoint(new BigInteger(1, b64.decode(jwk.path("x").asText())),
                    new BigInteger(1, b64.decode(jwk.path("y").asText())));
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            // The JDK's factory refuses a point off the curve.
            BundlePublicKey key = of((ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(w, params.getParameterSpec(ECParameterSpec.class))));
            if (jwk.hasNonNull("kid") && !key.kidText().equals(jwk.get("kid").asText())) {
                throw new IllegalArgumentException("the key's kid does not match the key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() != null && e.getMessage().startsWith("the key")
                    ? e.getMessage() : "the key is not a valid P-256 public key");
        }
    }

    /** Returns the kid as base64url, as the JWK and the bundle's payload name it. */
    public String kidText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(kid);
    }

    /** Returns the JWK: {@code kty, crv, x, y, kid, alg, use}. */
    public String jwk() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return new ObjectMapper().createObjectNode().put("kty", "EC").put("crv", "P-256")
                .put("x", b64.encodeToString(fixed(key.getW().getAffineX())))
                .put("y", b64.encodeToString(fixed(key.getW().getAffineY())))
                .put("kid", kidText()).put("alg", "ES256").put("use", "sig").toString();
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
