package dev.hcgateway.issuer;

import dev.hcgateway.crypto.KeyText;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An issuer's P-256 signing key with its public half and kid. Key files are base64 DER, one line:
 * PKCS#8 for the private key, X.509 SubjectPublicKeyInfo for the public one (as in the test data); a PEM private
 * key ({@code -----BEGIN PRIVATE KEY-----}) is read too.
 */
public record IssuerKey(String issuer, PrivateKey privateKey, ECPublicKey publicKey, byte[] kid) {

    public IssuerKey {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (kid == null || kid.length != 8) {
            throw new IllegalArgumentException("kid must be 8 bytes");
        }
    }

    /** Generates a fresh key pair for an issuer. */
    public static IssuerKey generate(String issuer) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        return new IssuerKey(issuer, pair.getPrivate(), pub, kidOf(pub));
    }

    /**
     * Reads a PKCS#8 private key file, PEM as {@code openssl genpkey} writes it or the project's base64 DER line,
     * and derives its public key and kid.
     */
    public static IssuerKey read(Path privateKeyFile, String issuer) throws java.io.IOException, GeneralSecurityException {
        String text = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        try {
            return fromPkcs8(KeyText.der(text, KeyText.PRIVATE), issuer);
        } catch (IllegalArgumentException e) {
            throw new java.security.spec.InvalidKeySpecException(privateKeyFile + ": " + e.getMessage());
        }
    }

    /** Builds the key from PKCS#8 DER. */
    public static IssuerKey fromPkcs8(byte[] der, String issuer) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("EC");
        ECPrivateKey priv = (ECPrivateKey) kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        var params = priv.getParams();
        // Q = d * G, computed by a JDK-internal-free route: sign nothing, derive via key spec of the generator.
        var q = Points.multiply(params, priv.getS());
        ECPublicKey pub = (ECPublicKey) kf.generatePublic(new ECPublicKeySpec(q, params));
        return new IssuerKey(issuer, priv, pub, kidOf(pub));
    }

    /** Returns the kid rule of the spec: first 8 bytes of SHA-256 over the SubjectPublicKeyInfo. */
    public static byte[] kidOf(ECPublicKey key) throws GeneralSecurityException {
        return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 8);
    }

    /** Returns the key's entry for a trust list ({@code keys[]} item of the spec's section 5). */
    public JsonObject jwk() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return new JsonObject().put("kty", "EC").put("crv", "P-256")
                .put("x", b64.encodeToString(fixed(publicKey.getW().getAffineX())))
                .put("y", b64.encodeToString(fixed(publicKey.getW().getAffineY())))
                .put("kid", b64.encodeToString(kid)).put("alg", "ES256").put("use", "sig");
    }

    /** Returns a one-issuer trust list holding this key. */
    public JsonObject trustList(String name) {
        return new JsonObject().put("issuers", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("id", issuer).put("name", name).put("keys", new io.vertx.core.json.JsonArray().add(jwk()))));
    }

    /** Returns the private key as one line of base64 PKCS#8. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** Returns the public key as one line of base64 SubjectPublicKeyInfo. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }
}
