package dev.hcgateway.bundle;

import dev.hcgateway.gate.BundlePublicKey;
import dev.hcgateway.issuer.IssuerKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * The fleet's bundle key ({@code offline.bundleKey}): a P-256 private key, the same file on every gateway of a fleet,
 * so that a gate trusts the bundles of any of them. Signs off the event loop only (a bundle is built on a worker).
 *
 * @param privateKey the signing key
 * @param publicKey  its public half and kid, what {@code GET /v1/offline/key} answers
 */
public record BundleKey(PrivateKey privateKey, BundlePublicKey publicKey) {

    private static final String P1363 = "SHA256withECDSAinP1363Format";

    public BundleKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /**
     * Reads a PKCS#8 private key file: PEM ({@code -----BEGIN PRIVATE KEY-----}) or one line of base64 DER (the
     * {@code keygen} command's form). Throws {@link IllegalArgumentException} naming the file on anything else.
     */
    public static BundleKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        if (text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException(file + ": a SEC1 key; convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            IssuerKey key = IssuerKey.fromPkcs8(Base64.getDecoder().decode(base64), "offline-bundle");
            return new BundleKey(key.privateKey(), BundlePublicKey.of(key.publicKey()));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": not a P-256 private key in PKCS#8 (PEM or base64 DER)");
        }
    }

    /** Returns the ES256 signature ({@code r || s}, 64 bytes) of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(P1363);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed: " + e.getMessage(), e);
        }
    }
}
