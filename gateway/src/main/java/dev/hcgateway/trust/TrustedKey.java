package dev.hcgateway.trust;

import java.security.PublicKey;
import java.util.Objects;

/**
 * One issuer key of the trust list.
 *
 * @param kid    the first 8 bytes of SHA-256 over the key's DER SubjectPublicKeyInfo, as a long
 * @param issuer the issuer id that owns the key; must equal a code's {@code iss}
 * @param key    the key, already in the verifying provider's own form
 */
public record TrustedKey(long kid, String issuer, PublicKey key) {

    public TrustedKey {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(key, "key");
    }

    /** Returns the 8 kid bytes as a long, big-endian: the trust list's lookup key. */
    public static long kidOf(byte[] kid) {
        if (kid.length != 8) {
            throw new IllegalArgumentException("kid must be 8 bytes");
        }
        long v = 0;
        for (byte b : kid) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
