package dev.hcgateway.cose;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates zlib data into at most {@code cap} bytes, so that a small code cannot expand into a large one
 * (inflate bombs). One {@link Inflater} per thread is reused: creating one costs a native allocation.
 */
public final class BoundedInflater {

    private final int cap;
    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(Inflater::new);

    /** Creates an inflater that refuses output over {@code cap} bytes. */
    public BoundedInflater(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
    }

    /** Tells whether the bytes start with a zlib header (RFC 1950: CM 8, check bits). */
    public static boolean isZlib(byte[] data) {
        if (data.length < 2) {
            return false;
        }
        int cmf = data[0] & 0xFF;
        int flg = data[1] & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    /** Returns the inflated bytes, or null when the data is corrupt, incomplete, or inflates past the cap. */
    public byte[] inflate(byte[] data) {
        Inflater inflater = inflaters.get();
        inflater.reset();
        inflater.setInput(data);
        byte[] out = new byte[cap + 1];
        int n = 0;
        try {
            while (!inflater.finished()) {
                int k = inflater.inflate(out, n, out.length - n);
                n += k;
                if (n > cap) {
                    return null;
                }
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
            }
        } catch (DataFormatException e) {
            return null;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
