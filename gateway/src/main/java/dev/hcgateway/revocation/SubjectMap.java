package dev.hcgateway.revocation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Subject fingerprint to "codes issued before this instant are revoked" (epoch seconds), in one
 * open-addressing {@code long[]} of interleaved pairs: 16 bytes per slot, 23..46 bytes per entry, no object
 * per entry. Same concurrency rules as {@link CodeSet}: lock-free readers, one writer at a time, a value only
 * ever rises.
 */
final class SubjectMap {

    /** What {@link #issuedBefore} answers for a subject with no revocation: no code is older. */
    static final long NONE = Long.MIN_VALUE;
    private static final int MAX_SLOTS = 1 << 29;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[] table; // [fingerprint, issuedBefore] pairs
    private volatile int size;

    /** Creates a map sized for {@code expected} subjects. */
    SubjectMap(long expected) {
        table = new long[2 * CodeSet.capacityFor(expected)];
    }

    /** Returns the instant before which the subject's codes are revoked, or {@link #NONE}; lock-free. */
    long issuedBefore(long fingerprint) {
        long[] t = table;
        int mask = t.length / 2 - 1;
        for (int i = (int) fingerprint & mask; ; i = (i + 1) & mask) {
            long key = (long) SLOT.getAcquire(t, 2 * i);
            if (key == 0) {
                return NONE;
            }
            if (key == fingerprint) {
                return (long) SLOT.getAcquire(t, 2 * i + 1);
            }
        }
    }

    /** Raises the subject's instant to {@code issuedBefore} unless it is already later; returns true on change. */
    synchronized boolean raise(long fingerprint, long issuedBefore) {
        if (fingerprint == 0) {
            throw new IllegalArgumentException("0 is not a fingerprint");
        }
        long[] t = table;
        int mask = t.length / 2 - 1;
        int i = (int) fingerprint & mask;
        while (t[2 * i] != 0) {
            if (t[2 * i] == fingerprint) {
                if (t[2 * i + 1] >= issuedBefore) {
                    return false;
                }
                SLOT.setRelease(t, 2 * i + 1, issuedBefore);
                return true;
            }
            i = (i + 1) & mask;
        }
        if (size + 1 > (t.length / 2) * CodeSet.MAX_LOAD) {
            table = rehash(t, t.length);
        }
        place(table, fingerprint, issuedBefore);
        size = size + 1;
        return true;
    }

    /** Grows the table at once so that {@code expected} subjects fit without further doubling. */
    synchronized void reserve(long expected) {
        int slots = CodeSet.capacityFor(expected);
        if (2 * slots > table.length) {
            table = rehash(table, slots);
        }
    }

    /** Returns the number of subjects held. */
    int size() {
        return size;
    }

    /** Returns the exact heap size of the table: array header plus pairs. */
    long bytes() {
        return 16L + 8L * table.length;
    }

    private static long[] rehash(long[] old, int slots) {
        if (slots > MAX_SLOTS) {
            throw new IllegalStateException("revocation mirror full: " + slots + " subject slots");
        }
        long[] fresh = new long[2 * slots];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                place(fresh, old[i], old[i + 1]);
            }
        }
        return fresh;
    }

    private static void place(long[] t, long fingerprint, long issuedBefore) {
        int mask = t.length / 2 - 1;
        int i = (int) fingerprint & mask;
        while (t[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        // Value first, key last (both release): a reader that finds the key finds its value.
        SLOT.setRelease(t, 2 * i + 1, issuedBefore);
        SLOT.setRelease(t, 2 * i, fingerprint);
    }
}
