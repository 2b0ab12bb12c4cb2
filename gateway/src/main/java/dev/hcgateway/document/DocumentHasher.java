package dev.hcgateway.document;

import dev.hcgateway.model.DocumentType;

import dev.hcgateway.model.DocumentKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a document number into what the store matches (authority API, "Lookup by identity document"):
 * {@code HMAC-SHA256(documentKey, type + ":" + number)} in lower-case hex. The key's UTF-8 bytes key the HMAC.
 * Thread-safe: one {@link Mac} per thread (a Mac is not).
 */
public final class DocumentHasher {

    private final ThreadLocal<Mac> mac;

    /** Creates a hasher for the shared secret. */
    public DocumentHasher(String key) {
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** Returns the document's key; {@code canonicalNumber} comes from {@link DocumentType#canonical}. */
    public DocumentKey hash(DocumentType type, String canonicalNumber) {
        byte[] input = (type.wire() + ":" + canonicalNumber).getBytes(StandardCharsets.UTF_8);
        try {
            return new DocumentKey(type.wire(), HexFormat.of().formatHex(mac.get().doFinal(input)));
        } finally {
            Arrays.fill(input, (byte) 0); // the String cannot be wiped; at least this copy is
        }
    }
}
