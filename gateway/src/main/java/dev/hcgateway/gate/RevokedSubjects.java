package dev.hcgateway.gate;

import java.util.Arrays;
import java.util.Objects;

/**
 * The revoked subjects of a bundle: the first 64 bits of the {@link RevocationHash} of {@code <issuer>:<subject>}
 * (issuer {@code *}: every issuer), sorted, each with the instant before which its codes are revoked (epoch
 * seconds, as the mirror holds it). Always exact: a subject's revocation carries an instant a filter cannot hold.
 *
 * @param hashes       sorted ascending, distinct
 * @param issuedBefore the instant of the hash at the same index
 */
public record RevokedSubjects(long[] hashes, long[] issuedBefore) {

    /** No revoked subject. */
    public static final RevokedSubjects NONE = new RevokedSubjects(new long[0], new long[0]);

    public RevokedSubjects {
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(issuedBefore, "issuedBefore");
        if (hashes.length != issuedBefore.length) {
            throw new IllegalArgumentException("one instant per subject");
        }
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] <= hashes[i - 1]) {
                throw new IllegalArgumentException("subject hashes must be sorted and distinct");
            }
        }
    }

    /** Returns the subjects given in any order (a repeated hash keeps its latest instant). */
    public static RevokedSubjects of(long[] hashes, long[] issuedBefore) {
        int n = hashes.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        long[] h = new long[n];
        long[] t = new long[n];
        int size = 0;
        for (int i : order) {
            if (size > 0 && h[size - 1] == hashes[i]) {
                t[size - 1] = Math.max(t[size - 1], issuedBefore[i]);
            } else {
                h[size] = hashes[i];
                t[size++] = issuedBefore[i];
            }
        }
        return new RevokedSubjects(Arrays.copyOf(h, size), Arrays.copyOf(t, size));
    }

    /** Returns the instant before which this subject's codes are revoked, or {@link Long#MIN_VALUE}: none. */
    public long issuedBefore(String issuer, String subject) {
        int i = Arrays.binarySearch(hashes, RevocationHash.ofSubject(issuer, subject).first());
        return i >= 0 ? issuedBefore[i] : Long.MIN_VALUE;
    }

    /** Returns how many subjects are held. */
    public int count() {
        return hashes.length;
    }
}
