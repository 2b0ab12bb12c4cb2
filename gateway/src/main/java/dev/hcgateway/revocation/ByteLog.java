package dev.hcgateway.revocation;

import java.util.Arrays;

/**
 * An append-only log of short records (1..255-byte prefix-length records are the callers' business) in 1 MiB
 * chunks: no object per record, no copy when it grows. One writer at a time (the caller's monitor); readers never
 * lock: they read the record count first (volatile) and then at most that many records, every byte of which was
 * written before the count was published. A record never straddles two chunks; a chunk's unused tail is zero, and
 * no record starts with a zero byte, so a zero ends the chunk.
 */
final class ByteLog {

    private static final int CHUNK = 1 << 20;

    private volatile byte[][] chunks = new byte[0][];
    private volatile long count;
    private int position = CHUNK; // in the last chunk; CHUNK = no room

    /** Reads records in order. */
    interface Reader {
        /** Reads one record starting at {@code offset} of {@code chunk}; returns its length in bytes. */
        int read(byte[] chunk, int offset);
    }

    /** Returns room for a record of {@code length} bytes (its first byte non-zero), to be filled and then published. */
    Slot reserve(int length) {
        if (length <= 0 || length > CHUNK) {
            throw new IllegalArgumentException("record of " + length + " bytes");
        }
        if (position + length > CHUNK) {
            byte[][] grown = Arrays.copyOf(chunks, chunks.length + 1);
            grown[grown.length - 1] = new byte[CHUNK];
            chunks = grown;
            position = 0;
        }
        Slot slot = new Slot(chunks[chunks.length - 1], position);
        position += length;
        return slot;
    }

    /** Publishes the record last reserved: readers may see it from now on. */
    void publish() {
        count = count + 1;
    }

    /** Where a reserved record goes. */
    record Slot(byte[] chunk, int offset) {
    }

    /** Returns the number of records published. */
    long count() {
        return count;
    }

    /** Reads every record published before this call, in order; returns how many were read. */
    long forEach(Reader reader) {
        long n = count;
        byte[][] all = chunks;
        long read = 0;
        for (int c = 0; c < all.length && read < n; c++) {
            byte[] chunk = all[c];
            int offset = 0;
            while (read < n && offset < CHUNK && chunk[offset] != 0) {
                offset += reader.read(chunk, offset);
                read++;
            }
        }
        return read;
    }

    /** Returns the heap held by the chunks. */
    long bytes() {
        return (long) chunks.length * (CHUNK + 16) + 16;
    }
}
