package dev.hcgateway.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DER inside a key file's text: PEM as {@code openssl} writes it ({@code -----BEGIN PRIVATE KEY-----},
 * PKCS#8; {@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo), or the project's own key files (the same DER
 * as one line of base64). One reader, so every command and setting that takes a key file takes both.
 */
public final class KeyText {

    /** The PEM label of a PKCS#8 private key. */
    public static final String PRIVATE = "PRIVATE KEY";
    /** The PEM label of a SubjectPublicKeyInfo public key. */
    public static final String PUBLIC = "PUBLIC KEY";

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----", Pattern.DOTALL);

    private KeyText() {
    }

    /**
     * Returns the DER of a key file's text, which must be PEM labelled {@code label} or plain base64; throws
     * {@link IllegalArgumentException} saying what the text is instead, fit for an operator.
     */
    public static byte[] der(String text, String label) {
        String trimmed = text.strip();
        if (trimmed.startsWith("-----BEGIN ")) {
            Matcher pem = PEM.matcher(trimmed);
            if (!pem.find()) {
                throw new IllegalArgumentException("a PEM block that does not end with its -----END line");
            }
            if (!pem.group(1).equals(label)) {
                throw new IllegalArgumentException("a PEM " + pem.group(1) + " where a " + label + " is expected"
                        + (pem.group(1).equals("EC PRIVATE KEY")
                        ? " (PKCS#8: convert with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8')" : ""));
            }
            return base64(pem.group(2));
        }
        return base64(trimmed);
    }

    private static byte[] base64(String text) {
        byte[] der;
        try {
            // Strict: the MIME decoder would skip any character outside the alphabet and read junk as a key.
            der = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither PEM nor base64 DER");
        }
        if (der.length == 0) {
            throw new IllegalArgumentException("no key in the file");
        }
        return der;
    }
}
