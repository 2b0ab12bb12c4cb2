package dev.hcgateway.cose;

/**
 * Checks the shape of one CBOR document before it is parsed: a single item that fills the bytes, nesting no
 * deeper than {@link #MAX_DEPTH} with arrays, maps and tags all counted, and no tag but one optional root tag.
 * The health-code format allows exactly one tag (COSE_Sign1's tag 18, outermost, at most once); a parser that
 * skips tags would accept {@code 18(18(...))} or {@code 18(98(...))} and let stacked tags escape the nesting
 * limit. Iterative, allocation-free past one small array, and never throws.
 */
public final class CborShape {

    /** The deepest nesting accepted; a tag counts as one level like an array or a map. */
    public static final int MAX_DEPTH = 16;
    /** No tag at all is allowed. */
    public static final int NO_TAG = -1;

    private CborShape() {
    }

    /** Returns true when {@code b} is one item within the depth limit whose only tag is {@code rootTag}, at the root. */
    public static boolean check(byte[] b, int rootTag) {
        // left[d]: items still expected in the container open at depth d; indefinite[d]: it ends at a break.
        long[] left = new long[MAX_DEPTH + 1];
        boolean[] indefinite = new boolean[MAX_DEPTH + 1];
        left[0] = 1;
        int depth = 0;
        int pos = 0;
        while (depth > 0 || left[0] > 0) {
            if (pos >= b.length) {
                return false;
            }
            int start = pos;
            int initial = b[pos++] & 0xFF;
            if (initial == 0xFF) {
                if (!indefinite[depth] || depth == 0) {
                    return false;
                }
                depth = close(left, indefinite, depth - 1);
                continue;
            }
            int major = initial >>> 5;
            int info = initial & 0x1F;
            long arg = 0;
            boolean open = false;
            if (info < 24) {
                arg = info;
            } else if (info <= 27) {
                int n = 1 << (info - 24);
                if (b.length - pos < n) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    arg = (arg << 8) | (b[pos++] & 0xFF);
                }
            } else if (info == 31 && major >= 2 && major <= 5) {
                open = true;
            } else {
                return false; // reserved additional information (28..30), or indefinite where none is allowed
            }
            if (major >= 2 && major <= 5 && !open && (arg < 0 || arg > b.length)) {
                return false; // a length or count past the whole document (or past 2^63) is a lie
            }
            long items;
            switch (major) {
                case 2, 3 -> {
                    if (!open) {
                        if (arg > b.length - pos) {
                            return false;
                        }
                        pos += (int) arg;
                    }
                    items = open ? -1 : 0;
                }
                case 4 -> items = open ? -1 : arg;
                case 5 -> items = open ? -1 : arg * 2;
                case 6 -> {
                    if (depth != 0 || start != 0 || arg != rootTag || rootTag == NO_TAG) {
                        return false;
                    }
                    items = 1;
                }
                default -> items = 0;
            }
            if (items == 0) {
                depth = close(left, indefinite, depth);
                continue;
            }
            if (items > b.length - pos) {
                return false; // every item takes at least one byte: a count past the bytes left is a lie
            }
            if (depth == MAX_DEPTH) {
                return false;
            }
            depth++;
            left[depth] = items;
            indefinite[depth] = items < 0;
        }
        return pos == b.length;
    }

    /** Counts one finished item at {@code depth} and closes every container it completes; returns the new depth. */
    private static int close(long[] left, boolean[] indefinite, int depth) {
        int d = depth;
        while (true) {
            if (indefinite[d]) {
                return d;
            }
            left[d]--;
            if (left[d] > 0 || d == 0) {
                return d;
            }
            d--;
        }
    }
}
