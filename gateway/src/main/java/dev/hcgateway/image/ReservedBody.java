package dev.hcgateway.image;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * An upload's bytes in one array, every byte of which is covered by a {@link MemoryBudget.Reservation}. With a
 * declared length the whole length is reserved at once and the array is made at that size when the first byte
 * arrives (bytes are copied once, from the network buffer into it, and the decoder reads that same array). A
 * chunked body reserves as it grows: capacity doubles, the new array reserved before it is made and the old one
 * returned after the copy, and the array is trimmed to the body once at the end. Event-loop confined.
 */
public final class ReservedBody {

    /** What one {@link #append} did. */
    public enum Append {
        /** The chunk is stored. */
        STORED,
        /** The body passed its bound ({@code maxBytes}, or its declared length): 413. */
        TOO_LARGE,
        /** The budget has no room for it: 503. */
        NO_BUDGET
    }

    private static final int FIRST_CHUNKED_CAPACITY = 16 * 1024;

    private final MemoryBudget.Reservation reservation;
    private final int max;
    private final boolean declared;
    private byte[] array;
    private int length;

    private ReservedBody(MemoryBudget.Reservation reservation, int max, boolean declared) {
        this.reservation = reservation;
        this.max = max;
        this.declared = declared;
    }

    /**
     * Reserves for a body of {@code declaredLength} bytes (negative: unknown, chunked), at most {@code maxBytes}
     * (the caller refused a larger declared length already); empty when the budget has no room.
     */
    public static Optional<ReservedBody> open(MemoryBudget budget, long declaredLength, int maxBytes) {
        boolean declared = declaredLength >= 0;
        return budget.tryReserve(declared ? declaredLength : 0)
                .map(r -> new ReservedBody(r, declared ? (int) declaredLength : maxBytes, declared));
    }

    /** Returns the reservation, to hold it while the bytes are in use and release it after. */
    public MemoryBudget.Reservation reservation() {
        return reservation;
    }

    /** Copies {@code chunk} into the body. */
    public Append append(Buffer chunk) {
        int needed = length + chunk.length();
        if (needed > max || needed < 0) {
            return Append.TOO_LARGE;
        }
        if (array == null || needed > array.length) {
            if (declared) {
                array = new byte[max]; // reserved in full by open()
            } else if (!regrow(Math.min(max, Math.max(needed, Math.max(FIRST_CHUNKED_CAPACITY, 2 * capacity()))))) {
                return Append.NO_BUDGET;
            }
        }
        chunk.getBytes(0, chunk.length(), array, length);
        length = needed;
        return Append.STORED;
    }

    /**
     * Returns the body as an array of exactly its length, or null when trimming a chunked body's array finds no
     * room in the budget. Call once, after the last chunk.
     */
    public byte[] bytes() {
        if (array == null) {
            return new byte[0];
        }
        if (array.length != length && !regrow(length)) {
            return null;
        }
        return array;
    }

    private int capacity() {
        return array == null ? 0 : array.length;
    }

    /** Moves the bytes to an array of {@code capacity}, reserved before it is made; the old one is returned. */
    private boolean regrow(int capacity) {
        if (!reservation.grow(capacity)) {
            return false;
        }
        byte[] next = new byte[capacity];
        int old = capacity();
        if (array != null) {
            System.arraycopy(array, 0, next, 0, length);
        }
        array = next;
        reservation.shrink(old);
        return true;
    }
}
