package dev.hcgateway.trust;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One issuer key of the trust list, with the window of issue instants it may sign for.
 *
 * @param kid       the first 8 bytes of SHA-256 over the key's DER SubjectPublicKeyInfo, as a long
 * @param issuer    the issuer id that owns the key; must equal a code's {@code iss}
 * @param key       the key, already in the verifying provider's own form
 * @param notBefore the first instant a code signed by this key may have been issued at ({@code iat}), or null for
 *                  no bound
 * @param notAfter  the last such instant, or null for no bound; not before {@code notBefore}
 */
public record TrustedKey(long kid, String issuer, PublicKey key, Instant notBefore, Instant notAfter) {

    public TrustedKey {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(key, "key");
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is before notBefore " + notBefore);
        }
    }

    /** Creates a key without a window: it vouches for codes issued at any instant. */
    public TrustedKey(long kid, String issuer, PublicKey key) {
        this(kid, issuer, key, null, null);
    }

    /**
     * Tells whether a code issued at {@code iat} (epoch seconds, the code's signed claim) lies inside the key's
     * window, bounds included. The window is judged against {@code iat}, never the scan's clock: a code issued
     * before the key's {@code notAfter} stays good until its own expiry, which is what lets old codes live out
     * their validity while an issuer rotates. Compared in whole seconds without building an {@code Instant}, so an
     * attacker's {@code iat} near 2^63 cannot overflow anything.
     */
    public boolean covers(long iat) {
        if (notBefore != null) {
            long from = notBefore.getEpochSecond() + (notBefore.getNano() > 0 ? 1 : 0); // first whole second inside
            if (iat < from) {
                return false;
            }
        }
        return notAfter == null || iat <= notAfter.getEpochSecond();
    }

    /** Tells whether the key carries a window at all. */
    public boolean windowed() {
        return notBefore != null || notAfter != null;
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
