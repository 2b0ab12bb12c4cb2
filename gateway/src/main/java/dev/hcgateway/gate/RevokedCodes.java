package dev.hcgateway.gate;

import java.util.Arrays;
import java.util.Objects;

/**
 * The revoked code ids of a bundle: an {@link Exact} set of 64-bit hashes, or above the gateway's
 * {@code offline.exactCodeLimit} a {@link Filtered} Bloom filter. A hit of the first is a revocation, of the
 * second only a possible one (staff decide).
 */
public sealed interface RevokedCodes permits RevokedCodes.Exact, RevokedCodes.Filtered {

    /** What a bundle knows of a code id. */
    enum Hit {
        /** Not revoked as far as the bundle knows. */
        NONE,
        /** Revoked: deny. */
        REVOKED,
        /** Perhaps revoked (a filter hit): manual. */
        POSSIBLY
    }

    /** Returns what is known of the code id with this hash. */
    Hit find(RevocationHash hash);

    /** Returns how many code ids the bundle holds. */
    long count();

    /** Returns the false-positive rate stated for this set: 0 when exact (a 64-bit collision aside). */
    double falsePositiveRate();

    /** Returns these code ids' hashes as an exact set when at most {@code exactLimit}, else as a filter. */
    static RevokedCodes of(java.util.List<RevocationHash> hashes, int exactLimit) {
        if (hashes.size() <= exactLimit) {
            return Exact.of(hashes.stream().mapToLong(RevocationHash::first).toArray());
        }
        BloomFilter filter = BloomFilter.sized(hashes.size(), BloomFilter.MAX_RATE);
        for (RevocationHash h : hashes) {
            filter = filter.with(h);
        }
        return new Filtered(filter);
    }

    /**
     * Revoked code ids as the first 64 bits of their hashes, sorted (signed order) and distinct.
     *
     * @param hashes sorted ascending, no repeats (checked: a gate's binary search depends on it)
     */
    record Exact(long[] hashes) implements RevokedCodes {

        public Exact {
            Objects.requireNonNull(hashes, "hashes");
            for (int i = 1; i < hashes.length; i++) {
                if (hashes[i] <= hashes[i - 1]) {
                    throw new IllegalArgumentException("code hashes must be sorted and distinct");
                }
            }
        }

        /** Returns the set of these hashes in any order, repeats dropped. */
        public static Exact of(long[] any) {
            long[] sorted = any.clone();
            Arrays.sort(sorted);
            int size = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (size == 0 || sorted[i] != sorted[size - 1]) {
                    sorted[size++] = sorted[i];
                }
            }
            return new Exact(Arrays.copyOf(sorted, size));
        }

        @Override
        public Hit find(RevocationHash hash) {
            return Arrays.binarySearch(hashes, hash.first()) >= 0 ? Hit.REVOKED : Hit.NONE;
        }

        @Override
        public long count() {
            return hashes.length;
        }

        @Override
        public double falsePositiveRate() {
            return 0;
        }
    }

    /** Revoked code ids in a Bloom filter: never missed, a stranger taken for one at the filter's rate. */
    record Filtered(BloomFilter filter) implements RevokedCodes {

        public Filtered {
            Objects.requireNonNull(filter, "filter");
            if (filter.falsePositiveRate() > BloomFilter.MAX_RATE) {
                throw new IllegalArgumentException("a filter's false-positive rate must be at most 1e-4");
            }
        }

        @Override
        public Hit find(RevocationHash hash) {
            return filter.mightContain(hash) ? Hit.POSSIBLY : Hit.NONE;
        }

        @Override
        public long count() {
            return filter.count();
        }

        @Override
        public double falsePositiveRate() {
            return filter.falsePositiveRate();
        }
    }
}
