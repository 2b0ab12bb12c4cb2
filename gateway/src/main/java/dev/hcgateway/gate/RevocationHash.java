package dev.hcgateway.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit hash a bundle names a revocation by: the first 16 bytes of SHA-256, as two big-endian longs. A code
 * id is hashed as its bytes, a subject as the UTF-8 of {@code <issuer>:<subject>} ({@code *} for every issuer, the
 * mirror's field). The exact sets hold {@link #first}, 64 bits (a stranger's code is taken for a revoked one with
 * probability n / 2^64); a Bloom filter uses both halves for its double hashing. SHA-256 rather than the mirror's
 * own fingerprints so that a gate maker needs nothing but a standard digest, and no subject is carried in clear.
 *
 * @param first  bytes 0..7 of the digest
 * @param second bytes 8..15 of the digest
 */
public record RevocationHash(long first, long second) {

    /** Returns the hash of a code id (the {@code cti} bytes). */
    public static RevocationHash ofCodeId(byte[] codeId) {
        return ofCodeId(sha256(), codeId);
    }

    /** Returns the hash of a code id with this digest (reset after): for hashing a million ids in a row. */
    public static RevocationHash ofCodeId(MessageDigest sha256, byte[] codeId) {
        return of(sha256.digest(codeId));
    }

    /** Returns the hash of a subject under an issuer ({@code *}: under every issuer). */
    public static RevocationHash ofSubject(String issuer, String subject) {
        return ofSubject(sha256(), issuer, subject);
    }

    /** Returns the hash of a subject under an issuer with this digest (reset after). */
    public static RevocationHash ofSubject(MessageDigest sha256, String issuer, String subject) {
        return of(sha256.digest((issuer + ":" + subject).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns a new SHA-256 digest (not thread-safe: one per thread or per build). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static RevocationHash of(byte[] d) {
        return new RevocationHash(readLong(d, 0), readLong(d, 8));
    }

    /** Returns the 8 bytes at {@code offset}, big-endian. */
    static long readLong(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xFFL);
        }
        return v;
    }
}
