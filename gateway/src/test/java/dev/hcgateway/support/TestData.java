package dev.hcgateway.support;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.trust.TrustListParser;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test vectors and keys, copied from the contract into test resources. */
public final class TestData {

    /** The instant every vector is evaluated at. */
    public static final long VECTORS_NOW = 1795300000L;

    private TestData() {
    }

    /** Returns a test resource's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/testdata/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code vectors.json}. */
    public static JsonObject vectors() {
        return new JsonObject(new String(resource("vectors.json"), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Returns the test trust list (issuers 330100 and 110000), keys in the given provider's form. */
    public static TrustList trustList(CryptoProvider provider) {
        try {
            return new TrustListParser(provider.ecKeyFactory()).parse(resource("trust.json"), "trust.json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the private key of a test issuer ({@code 330100} or {@code 110000}). */
    public static IssuerKey issuerKey(String issuer) {
        try {
            return IssuerKey.fromPkcs8(java.util.Base64.getMimeDecoder().decode(
                    new String(resource(issuer + ".key"), java.nio.charset.StandardCharsets.US_ASCII).trim()), issuer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a minter for a test issuer. */
    public static CodeMinter minter(String issuer) {
        return new CodeMinter(issuerKey(issuer), null);
    }

    /** Writes the test trust list to a file and returns its path. */
    public static Path trustFile(Path dir) throws IOException {
        return Files.write(dir.resolve("trust.json"), resource("trust.json"));
    }
}
