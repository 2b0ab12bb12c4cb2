package dev.hcgateway.revocation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A set of 64-bit fingerprints in one open-addressing {@code long[]}: linear probing, load at most 0.7,
 * doubled when full. Each slot is 8 bytes, so an entry costs 11.4 bytes at full load and 22.9 just after a
 * doubling (13.4 at 10 million entries in 2^24 slots); there is no per-entry object.
 *
 * <p>Readers never lock: they read slots with acquire semantics and a table, once replaced by a larger one,
 * is never written again. Writers are serialised by the monitor. Nothing is ever removed: a revocation
 * stays until the process restarts (see docs/revocation.md).
 */
final class CodeSet {

    static final double MAX_LOAD = 0.7;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[] table;
    private volatile int size;

    /** Creates a set sized for {@code expected} entries. */
    CodeSet(long expected) {
        table = new long[capacityFor(expected)];
    }

    /** Tells whether the fingerprint is in the set; lock-free, allocation-free. */
    boolean contains(long fingerprint) {
        long[] t = table;
        int mask = t.length - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            long v = (long) SLOT.getAcquire(t, i);
            if (v == fingerprint) {
                return fingerprint != 0;
            }
            if (v == 0) {
                return false;
            }
        }
    }

    /** Adds a fingerprint (never 0); returns false when it was there already. */
    synchronized boolean add(long fingerprint) {
        if (fingerprint == 0) {
            throw new IllegalArgumentException("0 is not a fingerprint");
        }
        if (contains(fingerprint)) {
            return false;
        }
        if (size + 1 > table.length * MAX_LOAD) {
            table = rehash(table, table.length * 2);
        }
        place(table, fingerprint);
        size = size + 1;
        return true;
    }

    /** Grows the table at once so that {@code expected} entries fit without further doubling. */
    synchronized void reserve(long expected) {
        int capacity = capacityFor(expected);
        if (capacity > table.length) {
            table = rehash(table, capacity);
        }
    }

    /** Returns the number of fingerprints held. */
    int size() {
        return size;
    }

    /** Returns the number of slots. */
    int capacity() {
        return table.length;
    }

    /** Returns the exact heap size of the table: array header plus slots. */
    long bytes() {
        return 16L + 8L * table.length;
    }

    /** Returns the smallest power-of-two capacity that holds {@code expected} entries within the load limit. */
    static int capacityFor(long expected) {
        long needed = (long) Math.ceil(expected / MAX_LOAD);
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("revocation mirror full: " + expected + " entries");
        }
        int capacity = MIN_CAPACITY;
        while (capacity < needed) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static long[] rehash(long[] old, int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("revocation mirror full: " + capacity + " slots");
        }
        long[] fresh = new long[capacity];
        for (long v : old) {
            if (v != 0) {
                place(fresh, v);
            }
        }
        return fresh;
    }

    private static void place(long[] t, long fingerprint) {
        int mask = t.length - 1;
        int i = (int) fingerprint & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        // Release: a reader that sees the slot sees a whole value (longs are otherwise not atomic by the JLS).
        SLOT.setRelease(t, i, fingerprint);
    }
}
