package dev.hcgateway.revocation;

import java.nio.ByteBuffer;
import java.util.function.IntUnaryOperator;

/**
 * Computes the 64-bit fingerprints the mirror looks code ids and subjects up by. A fingerprint is never
 * 0 (0 marks an empty slot); 0 is returned only for text that is no code id at all.
 *
 * <p>The mix is two rounds of the SplitMix64 finaliser (a bijection) over the id's bytes and length, so two
 * 8-byte ids never collide and longer ones collide as rarely as random 64-bit values: with n revoked
 * codes, an unrevoked code is taken for a revoked one with probability n / 2^64 (5.4e-13 at 10 million).
 */
public final class Fingerprints {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MIN_ID_BYTES = 8;
    private static final int MAX_ID_BYTES = 16;

    private Fingerprints() {
    }

    /** Returns the fingerprint of a code id (cti) of 8..16 bytes; 0 for any other length. */
    public static long ofCodeId(byte[] id) {
        int n = id.length;
        if (n < MIN_ID_BYTES || n > MAX_ID_BYTES) {
            return 0;
        }
        long k0 = 0;
        long k1 = 0;
        for (int i = 0; i < n; i++) {
            long b = id[i] & 0xFFL;
            if (i < 8) {
                k0 |= b << (8 * i);
            } else {
                k1 |= b << (8 * (i - 8));
            }
        }
        return of(k0, k1, n);
    }

    /** Returns the fingerprint of a code id written as hex (either case); 0 when it is not the hex of 8..16 bytes. */
    public static long ofCodeIdHex(CharSequence hex) {
        return ofHex(hex.length(), hex::charAt);
    }

    /** Same as {@link #ofCodeIdHex(CharSequence)} over ASCII bytes from position to limit (left unchanged). */
    static long ofCodeIdHex(ByteBuffer hex) {
        int start = hex.position();
        return ofHex(hex.remaining(), i -> hex.get(start + i));
    }

    /**
     * Writes the bytes of a valid code id's hex (checked by {@link #ofCodeIdHex(ByteBuffer)}) into {@code out} at
     * {@code offset}; returns their number. The buffer's position is left unchanged.
     */
    static int hexBytes(ByteBuffer hex, byte[] out, int offset) {
        int start = hex.position();
        int n = hex.remaining() / 2;
        for (int i = 0; i < n; i++) {
            out[offset + i] = (byte) ((digit(hex.get(start + 2 * i)) << 4) | digit(hex.get(start + 2 * i + 1)));
        }
        return n;
    }

    /** Parses {@code chars} hex characters, the i-th given by {@code at}, into a fingerprint (0 when invalid). */
    private static long ofHex(int chars, IntUnaryOperator at) {
        if (chars % 2 != 0 || chars < 2 * MIN_ID_BYTES || chars > 2 * MAX_ID_BYTES) {
            return 0;
        }
        long k0 = 0;
        long k1 = 0;
        for (int i = 0; i < chars / 2; i++) {
            int b = (digit(at.applyAsInt(2 * i)) << 4) | digit(at.applyAsInt(2 * i + 1));
            if (b < 0) {
                return 0;
            }
            if (i < 8) {
                k0 |= (long) b << (8 * i);
            } else {
                k1 |= (long) b << (8 * (i - 8));
            }
        }
        return of(k0, k1, chars / 2);
    }

    /** Returns a hex digit's value, or a large negative number that keeps any byte built from it negative. */
    private static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1 << 12;
    }

    /**
     * Returns the fingerprint of a subject under an issuer ({@code *} for every issuer), over the UTF-16 units of
     * both and their lengths (so no two pairs share their text); never 0. Allocates nothing: it runs on every scan.
     */
    public static long ofSubject(String issuer, String subject) {
        long h = mix(subject.length() * GOLDEN + 0x632BE59BD9B4E019L);
        h = mixChars(mix(h ^ (issuer.length() * GOLDEN)), issuer);
        h = mixChars(h, subject);
        return h == 0 ? 1 : h;
    }

    private static long mixChars(long h, String s) {
        int n = s.length();
        for (int i = 0; i < n; i += 4) {
            long chunk = 0;
            for (int j = 0; j < 4 && i + j < n; j++) {
                chunk |= (long) s.charAt(i + j) << (16 * j);
            }
            h = mix(h ^ chunk);
        }
        return h;
    }

    private static long of(long k0, long k1, int length) {
        long h = mix(mix(k0 ^ (length * GOLDEN)) ^ k1);
        return h == 0 ? 1 : h;
    }

    /** SplitMix64's finaliser (Stafford's Mix13): a bijection with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
