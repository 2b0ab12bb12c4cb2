package dev.hcgateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a trust list file (health-code spec, section 5). Every key is checked at load: EC
 * P-256 with a point on the curve, and a kid equal to the first 8 bytes of SHA-256 over its
 * SubjectPublicKeyInfo; its {@code notBefore} / {@code notAfter}, when given, RFC 3339 and in order
 * ({@link KeyWindows}). Any fault refuses the whole file with a message naming the file and the key; no other
 * exception leaves {@link #parse}, whatever the bytes.
 */
public final class TrustListParser {

    private static final Pattern ISSUER = Pattern.compile("[A-Z0-9-]{1,32}");
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrustListParser.class);

    private final KeyFactory keyFactory;
    private final DscParser dscParser;
    private final KeyWindows windows = new KeyWindows();
    private final ECParameterSpec p256;

    /** Creates a parser whose keys are made by {@code keyFactory} (the verifying provider's). */
    public TrustListParser(KeyFactory keyFactory) {
        this.keyFactory = keyFactory;
        this.dscParser = new DscParser(keyFactory);
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            this.p256 = params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 parameters unavailable", e);
        }
    }

    /** Parses a trust list; {@code source} names the file in errors. */
    public TrustList parse(byte[] content, String source) throws TrustListException {
        try {
            return parseOrThrow(content, source);
        } catch (RuntimeException e) {
            // A fault no check above foresaw (a JDK parser's own exception, say) is still the file's fault: the
            // reload keeps the list in force and says why, instead of an exception escaping into the poller.
            throw new TrustListException(source + ": cannot be read as a trust list: " + e);
        }
    }

    private TrustList parseOrThrow(byte[] content, String source) throws TrustListException {
        if (content.length > MAX_FILE_BYTES) {
            throw new TrustListException(source + ": larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (IOException e) {
            throw new TrustListException(source + ": not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        JsonNode issuers = root == null ? null : root.get("issuers");
        JsonNode certificates = root == null ? null : root.get("certificates");
        if ((issuers != null && !issuers.isArray()) || (certificates != null && !certificates.isArray())
                || (issuers == null && certificates == null)) {
            throw new TrustListException(source + ": missing the \"issuers\" array (or a \"certificates\" array)");
        }
        issuers = issuers == null ? json.createArrayNode() : issuers;
        List<TrustedKey> keys = new ArrayList<>();
        Set<Long> kids = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < issuers.size(); i++) {
            JsonNode issuer = issuers.get(i);
            String id = issuer.path("id").asText("");
            String where = source + ": issuers[" + i + "]";
            if (!ISSUER.matcher(id).matches()) {
                throw new TrustListException(where + ": id must be 1..32 of A-Z0-9-, got \"" + id + "\"");
            }
            if (!ids.add(id)) {
                throw new TrustListException(where + ": issuer " + id + " listed twice");
            }
            JsonNode list = issuer.get("keys");
            if (list == null || !list.isArray()) {
                throw new TrustListException(where + " (" + id + "): missing the \"keys\" array");
            }
            for (int k = 0; k < list.size(); k++) {
                String keyWhere = where + " (" + id + ") keys[" + k + "]";
                TrustedKey key = parseKey(list.get(k), id, keyWhere);
                if (!kids.add(key.kid())) {
                    throw new TrustListException(keyWhere + ": kid listed twice");
                }
                keys.add(key);
            }
        }
        return TrustList.of(keys, dscs(certificates, source), source);
    }

    /** Parses the DSC items; a faulty item is left out and logged, the rest of the file stands. */
    private List<TrustedDsc> dscs(JsonNode certificates, String source) {
        List<TrustedDsc> out = new ArrayList<>();
        if (certificates == null) {
            return out;
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            TrustedDsc dsc = dscParser.parse(certificates.get(i), source + ": certificates[" + i + "]", problems);
            if (dsc != null) {
                out.add(dsc);
            }
        }
        problems.forEach(p -> LOG.warn("trust list item refused: {}", p));
        return out;
    }

    private TrustedKey parseKey(JsonNode jwk, String issuer, String where) throws TrustListException {
        require(jwk, "kty", "EC", where);
        require(jwk, "crv", "P-256", where);
        if (jwk.has("alg")) {
            require(jwk, "alg", "ES256", where);
        }
        if (jwk.has("use")) {
            require(jwk, "use", "sig", where);
        }
        byte[] x = coordinate(jwk, "x", where);
        byte[] y = coordinate(jwk, "y", where);
        byte[] kid = base64url(jwk.path("kid").asText(""), where + ": kid");
        if (kid.length != 8) {
            throw new TrustListException(where + ": kid must be 8 bytes, got " + kid.length);
        }
        try {
            ECPoint w = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            // The JDK factory checks that the point is on the curve; its encoding gives the SPKI for the kid.
            PublicKey jdkKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256));
            byte[] spki = jdkKey.getEncoded();
            byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(spki), 8);
            if (!Arrays.equals(expected, kid)) {
                throw new TrustListException(where + ": kid " + jwk.path("kid").asText()
                        + " does not match the key (expected " + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(expected) + ")");
            }
            PublicKey key = keyFactory.generatePublic(new X509EncodedKeySpec(spki));
            return windows.key(TrustedKey.kidOf(kid), issuer, key, jwk, where);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TrustListException(where + ": not a valid P-256 public key: " + e.getMessage());
        }
    }

    private static void require(JsonNode jwk, String field, String value, String where) throws TrustListException {
        String actual = jwk.path(field).asText(null);
        if (!value.equals(actual)) {
            throw new TrustListException(where + ": " + field + " must be \"" + value + "\", got "
                    + (actual == null ? "nothing" : "\"" + actual + "\""));
        }
    }

    private static byte[] coordinate(JsonNode jwk, String field, String where) throws TrustListException {
        byte[] v = base64url(jwk.path(field).asText(""), where + ": " + field);
        if (v.length != 32) {
            throw new TrustListException(where + ": " + field + " must be 32 bytes, got " + v.length);
        }
        return v;
    }

    private static byte[] base64url(String text, String where) throws TrustListException {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TrustListException(where + ": not base64url");
        }
    }
}
