package dev.hcgateway.model;

import java.util.Objects;

/**
 * An identity document as the store sees it: its type and the keyed hash of {@code type + ":" + number}.
 * The number itself never gets this far.
 *
 * @param hash lower-case hex of HMAC-SHA256, 64 characters
 */
public record DocumentKey(String type, String hash) {

    public DocumentKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hash, "hash");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
        }
    }
}
