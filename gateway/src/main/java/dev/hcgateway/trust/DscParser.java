package dev.hcgateway.trust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hcgateway.model.CertificateType;
import dev.hcgateway.crypto.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the trust file's {@code certificates} items (DSCs: kid, country, rawData) with the JDK's X.509
 * reader. A faulty item is refused alone (the problem list says why), never the whole file: national lists
 * carry odd items, and one of them must not take every other country's keys down.
 */
public final class DscParser {

    private final KeyFactory ecKeys;

    /** Creates a parser that puts EC keys into {@code ecKeys}'s provider form (the verifying provider's). */
    public DscParser(KeyFactory ecKeys) {
        this.ecKeys = ecKeys;
    }

    /** Returns the DSC of one item, or null after adding why to {@code problems}. */
    public TrustedDsc parse(JsonNode item, String where, List<String> problems) {
        String country = item.path("country").asText("");
        byte[] kid = base64(item.path("kid").asText(""));
        byte[] der = base64(item.path("rawData").asText(""));
        if (kid == null || kid.length != 8 || der == null || der.length == 0 || country.isEmpty()
                || country.length() > 8) {
            problems.add(where + ": needs kid (8 bytes, base64), country and rawData (base64 DER)");
            return null;
        }
        try {
            if (!Arrays.equals(kid, kidOf(der))) {
                problems.add(where + " (" + country + "): kid does not match the certificate's DER");
                return null;
            }
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            Set<CertificateType> usage = EnumSet.noneOf(CertificateType.class);
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku != null) {
                for (String oid : eku) {
                    CertificateType t = CertificateType.ofKeyUsage(oid);
                    if (t != null) {
                        usage.add(t);
                    }
                }
            }
            PublicKey key = cert.getPublicKey();
            SignatureAlgorithm alg;
            if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
                alg = SignatureAlgorithm.ES256;
                key = ecKeys.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            } else if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
                alg = SignatureAlgorithm.PS256;
            } else {
                problems.add(where + " (" + country + "): key is neither EC P-256 nor RSA of 2048 bits or more");
                return null;
            }
            return new TrustedDsc(TrustedKey.kidOf(kid), country, key, alg, cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), usage);
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(where + " (" + country + "): not a usable X.509 certificate: " + e.getMessage());
            return null;
        }
    }

    /** Returns the DCC kid of a certificate: the first 8 bytes of SHA-256 over its DER. */
    public static byte[] kidOf(byte[] der) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(der), 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** Decodes standard or URL-safe base64, or returns null. */
    private static byte[] base64(String text) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
