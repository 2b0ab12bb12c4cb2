package dev.hcgateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hcgateway.crypto.KeyText;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The national trust anchor's public key (EC P-256) and the check of a trust file against its detached JWS
 * ({@link DetachedJws}). The check is the JDK's own {@code SHA256withECDSAinP1363Format}: one verify per reload,
 * where a native provider buys nothing and the JDK's is the one an offline gate surely has.
 *
 * @param key    the anchor's public key
 * @param source the file it was read from, for messages
 */
public record TrustAnchor(ECPublicKey key, String source) {

    /** Why a signature was refused, as the metric's label reads it. */
    public enum Cause {
        /** No signature file beside the trust file. */
        UNSIGNED,
        /** A signature file that is not a detached ES256 JWS. */
        MALFORMED,
        /** A well-formed signature that the anchor's key does not verify over these bytes. */
        BAD_SIGNATURE;

        /** Returns the snake-case label. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The outcome of checking a trust file's signature. */
    public sealed interface Check {
    }

    /** The anchor signed exactly these bytes. */
    public record Signed() implements Check {
    }

    /** Not signed by the anchor; {@code why} is one line for an operator, naming the signature file. */
    public record Refused(Cause cause, String why) implements Check {
        public Refused {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(why, "why");
        }
    }

    public TrustAnchor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
    }

    /** Returns the signature file of a trust file: the same name with {@code .jws} added. */
    public static Path signatureFile(Path trustFile) {
        return trustFile.resolveSibling(trustFile.getFileName() + ".jws");
    }

    /**
     * Checks the trust file's bytes against its signature file's bytes ({@code null}: there is none); never throws.
     *
     * @param signatureName the signature file's name, for the message
     */
    public Check check(byte[] content, byte[] signature, String signatureName) {
        if (signature == null) {
            return new Refused(Cause.UNSIGNED, signatureName + ": missing; a trust anchor is configured ("
                    + source + "), so the trust list must be signed by it ('trust sign')");
        }
        DetachedJws.Read read = new DetachedJws().read(signature);
        if (read instanceof DetachedJws.Malformed malformed) {
            return new Refused(Cause.MALFORMED, signatureName + ": " + malformed.why());
        }
        DetachedJws.Parsed jws = (DetachedJws.Parsed) read;
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(jws.signingInput(content));
            if (verifier.verify(jws.signature())) {
                return new Signed();
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature the provider cannot even parse is as bad as one that does not verify.
        }
        return new Refused(Cause.BAD_SIGNATURE, signatureName + ": does not verify under the trust anchor ("
                + source + "): the trust list was changed after signing, or signed with another key");
    }

    /**
     * Reads the anchor's public key from a file: PEM SubjectPublicKeyInfo, the project's base64 public key file,
     * or a JWK (EC, P-256).
     */
    public static TrustAnchor read(Path file) throws TrustAnchorException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new TrustAnchorException("trust anchor " + file + ": cannot read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(e.getMessage())));
        }
        try {
            ECPublicKey key = text.strip().startsWith("{") ? fromJwk(text) : fromSpki(KeyText.der(text, KeyText.PUBLIC));
            return new TrustAnchor(key, file.toString());
        } catch (GeneralSecurityException | IllegalArgumentException | IOException | ClassCastException e) {
            throw new TrustAnchorException("trust anchor " + file + ": not an EC P-256 public key (PEM, base64 DER or "
                    + "JWK): " + e.getMessage());
        }
    }

    private static ECPublicKey fromSpki(byte[] der) throws GeneralSecurityException {
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        if (key.getParams().getCurve().getField().getFieldSize() != 256
                || !key.getParams().getCurve().equals(p256().getCurve())) {
            throw new IllegalArgumentException("the key is not on P-256");
        }
        return key;
    }

    private static ECPublicKey fromJwk(String text) throws IOException, GeneralSecurityException {
        JsonNode jwk = new ObjectMapper().readTree(text);
        if (!"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("the JWK must have kty EC and crv P-256");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[] x = b64.decode(jwk.path("x").asText(""));
        byte[] y = b64.decode(jwk.path("y").asText(""));
        if (x.length != 32 || y.length != 32) {
            throw new IllegalArgumentException("the JWK's x and y must be 32 bytes each");
        }
        // The JDK's factory refuses a point that is not on the curve.
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), p256()));
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }
}
