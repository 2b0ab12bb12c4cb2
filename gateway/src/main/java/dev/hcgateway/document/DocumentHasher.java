package dev.hcgateway.document;

import dev.hcgateway.crypto.HmacSha256;
import dev.hcgateway.model.DocumentKey;
import dev.hcgateway.model.DocumentType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Turns a document number into what the store matches (authority API, "Lookup by identity document"):
 * {@code HMAC-SHA256(documentKey, type + ":" + number)} in lower-case hex. The key's UTF-8 bytes key the HMAC.
 * Thread-safe.
 */
public final class DocumentHasher {

    private final HmacSha256 mac;

    /** Creates a hasher for the shared secret. */
    public DocumentHasher(String key) {
        this.mac = new HmacSha256(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the document's key; {@code canonicalNumber} comes from {@link DocumentType#canonical}. */
    public DocumentKey hash(DocumentType type, String canonicalNumber) {
        byte[] input = (type.wire() + ":" + canonicalNumber).getBytes(StandardCharsets.UTF_8);
        try {
            return new DocumentKey(type.wire(), HexFormat.of().formatHex(mac.of(input)));
        } finally {
            Arrays.fill(input, (byte) 0); // the String cannot be wiped; at least this copy is
        }
    }
}
