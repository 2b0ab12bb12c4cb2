package dev.hcgateway.gate;

import java.util.Objects;

/**
 * A Bloom filter of revoked code ids with Kirsch–Mitzenmacher double hashing ("Less Hashing, Same Performance",
 * 2006): the i-th of {@code k} bit positions of an item is {@code (h1 + i * h2) mod m}, unsigned, with h1 and h2 the
 * two halves of its {@link RevocationHash}. It never misses an item added; a stranger hits with the stated
 * {@link #falsePositiveRate()}, {@code (1 - e^(-k n / m))^k}, which {@link #sized} keeps at most the target.
 *
 * @param bits  the bit array, bit {@code j} at {@code bits[j >>> 6] >>> (j & 63)}
 * @param m     the number of bits used ({@code <= 64 * bits.length})
 * @param k     the number of positions per item
 * @param count the number of items added, for the stated rate
 */
public record BloomFilter(long[] bits, long m, int k, long count) {

    /** The highest false-positive rate a bundle may state (offline-v1.md). */
    public static final double MAX_RATE = 1e-4;

    public BloomFilter {
        Objects.requireNonNull(bits, "bits");
        if (m <= 0 || m > 64L * bits.length || k < 1 || k > 64 || count < 0) {
            throw new IllegalArgumentException("not a Bloom filter: m=" + m + ", k=" + k + ", words=" + bits.length);
        }
    }

    /** Returns an empty filter for {@code n} items whose stated rate is at most {@code rate}. */
    public static BloomFilter sized(long n, double rate) {
        long items = Math.max(1, n);
        long m = (long) Math.ceil(-items * Math.log(rate) / (Math.log(2) * Math.log(2)));
        while (true) {
            m = (m + 63) / 64 * 64;
            int k = (int) Math.max(1, Math.round((double) m / items * Math.log(2)));
            if (rate(m, k, items) <= rate) {
                return new BloomFilter(new long[(int) (m / 64)], m, k, 0);
            }
            m += Math.max(64, m / 100); // the rounding of k lost a little: one per cent more bits
        }
    }

    /** Returns the filter with this hash's positions set (the same array: build, then share). */
    public BloomFilter with(RevocationHash hash) {
        for (int i = 0; i < k; i++) {
            long j = position(hash, i);
            bits[(int) (j >>> 6)] |= 1L << (j & 63);
        }
        return new BloomFilter(bits, m, k, count + 1);
    }

    /** Tells whether every position of this hash is set: always for an item added, rarely for a stranger. */
    public boolean mightContain(RevocationHash hash) {
        for (int i = 0; i < k; i++) {
            long j = position(hash, i);
            if ((bits[(int) (j >>> 6)] & (1L << (j & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the false-positive rate for the items added: {@code (1 - e^(-k n / m))^k}. */
    public double falsePositiveRate() {
        return rate(m, k, count);
    }

    private long position(RevocationHash hash, int i) {
        return Long.remainderUnsigned(hash.first() + i * hash.second(), m);
    }

    private static double rate(long m, int k, long n) {
        return Math.pow(1 - Math.exp(-(double) k * n / m), k);
    }
}
