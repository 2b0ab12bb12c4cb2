package dev.hcgateway.support;

import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.TrustListSigner;
import dev.hcgateway.trust.TrustAnchor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A trust file in a test's directory, and a national trust anchor that signs it: its public key written as PEM, as
 * {@code openssl} writes one. Files are replaced whole (written aside, then moved), as an operator's deploy does.
 */
public final class AnchoredTrust {

    private final IssuerKey anchor;
    private final Path file;
    private final Path anchorFile;

    /** Creates a fresh anchor in {@code dir}; the trust file is {@code dir/trust.json}, not written yet. */
    public AnchoredTrust(Path dir) {
        try {
            this.anchor = IssuerKey.generate("anchor");
            this.file = dir.resolve("trust.json");
            this.anchorFile = dir.resolve("anchor.pem");
            Files.writeString(anchorFile, pem("PUBLIC KEY", anchor.publicKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the text of a PEM block, 64 characters a line. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** Returns the trust file's path. */
    public Path file() {
        return file;
    }

    /** Returns the signature file's path ({@code trust.json.jws}). */
    public Path signatureFile() {
        return TrustAnchor.signatureFile(file);
    }

    /** Returns the anchor's public key file (PEM). */
    public Path anchorFile() {
        return anchorFile;
    }

    /** Returns the anchor's key pair. */
    public IssuerKey anchor() {
        return anchor;
    }

    /** Returns the gateway settings of this list and anchor, the files checked every 100 ms. */
    public Map<String, Object> config() {
        return Map.of("trust.file", file.toString(), "trust.anchorKey", anchorFile.toString(),
                "trust.reloadIntervalMs", 100);
    }

    /** Returns a key's trust-list entry with a window; either bound may be null. */
    public static JsonObject key(IssuerKey key, Instant notBefore, Instant notAfter) {
        JsonObject jwk = key.jwk();
        if (notBefore != null) {
            jwk.put("notBefore", notBefore.toString());
        }
        if (notAfter != null) {
            jwk.put("notAfter", notAfter.toString());
        }
        return jwk;
    }

    /** Returns a trust list of one issuer with these key entries. */
    public static JsonObject list(String issuer, JsonObject... keys) {
        JsonArray array = new JsonArray();
        for (JsonObject k : keys) {
            array.add(k);
        }
        return new JsonObject().put("issuers", new JsonArray().add(new JsonObject().put("id", issuer)
                .put("name", "issuer " + issuer).put("keys", array)));
    }

    /** Writes the test trust list (issuers 330100 and 110000), unsigned. */
    public AnchoredTrust writeTestList() {
        return write(TestData.resource("trust.json"));
    }

    /** Writes this list, unsigned (the signature file, if any, is left as it was). */
    public AnchoredTrust write(JsonObject list) {
        return write(list.encodePrettily().getBytes(StandardCharsets.UTF_8));
    }

    private AnchoredTrust write(byte[] content) {
        replace(file, content);
        return this;
    }

    /** Signs the trust file as it is now with the anchor ({@code trust sign}). */
    public AnchoredTrust sign() {
        return signWith(anchor);
    }

    /** Signs the trust file with another key than the anchor: a signature that must not verify. */
    public AnchoredTrust signWith(IssuerKey key) {
        try {
            replace(signatureFile(), (new TrustListSigner(key).jws(Files.readAllBytes(file)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the signature file. */
    public AnchoredTrust unsign() {
        try {
            Files.deleteIfExists(signatureFile());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path target, byte[] content) {
        try {
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".next-", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
