package dev.hcgateway.gate;

import dev.hcgateway.cose.SigStructure;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bundle's COSE_Sign1 (RFC 9052), tag 18: {@code [protected {1: -7 (ES256), 4: kid}, {}, payload, signature]},
 * the signature ES256 over the same {@code Sig_structure} as a code's ({@link SigStructure}). Read strictly: the
 * gateway writes exactly this shape, so anything else is refused, and nothing thrown on hostile bytes.
 *
 * @param kid        the 8-byte id of the key that signed
 * @param payload    the CBOR payload ({@link BundleCodec})
 * @param signature  64 bytes, r || s
 */
public record Envelope(byte[] kid, byte[] payload, byte[] signature) {

    /** The largest bundle read: 16 times the 4 MiB the contract bounds a million revoked ids to. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final int TAG_18 = 0xD2;
    private static final int ARRAY_4 = 0x84;
    private static final byte[] HEADER_START = {(byte) 0xA2, 0x01, 0x26, 0x04, 0x48};

    public Envelope {
        Objects.requireNonNull(payload, "payload");
        if (kid == null || kid.length != 8 || signature == null || signature.length != 64) {
            throw new IllegalArgumentException("a bundle names an 8-byte kid and carries a 64-byte signature");
        }
    }

    /** Returns the bytes the signature covers. */
    public byte[] toBeSigned() {
        return SigStructure.encode(protectedHeader(kid), payload);
    }

    /** Returns the bytes the signature of this payload by this kid covers (for signing). */
    public static byte[] toBeSigned(byte[] kid, byte[] payload) {
        return SigStructure.encode(protectedHeader(kid), payload);
    }

    /** Returns the tagged COSE_Sign1. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 128);
        out.write(TAG_18);
        out.write(ARRAY_4);
        bstr(out, protectedHeader(kid));
        out.write(0xA0); // empty unprotected header
        bstr(out, payload);
        bstr(out, signature);
        return out.toByteArray();
    }

    /** Reads a COSE_Sign1 of this shape; returns null for anything else. */
    public static Envelope decode(byte[] b) {
        if (b == null || b.length > MAX_BYTES || b.length < 4 || (b[0] & 0xFF) != TAG_18 || (b[1] & 0xFF) != ARRAY_4) {
            return null;
        }
        int[] at = {2};
        byte[] header = bstr(b, at);
        if (header == null || at[0] >= b.length || (b[at[0]++] & 0xFF) != 0xA0) {
            return null;
        }
        byte[] payload = bstr(b, at);
        byte[] signature = bstr(b, at);
        if (payload == null || signature == null || at[0] != b.length || signature.length != 64
                || header.length != HEADER_START.length + 8
                || !Arrays.equals(header, 0, HEADER_START.length, HEADER_START, 0, HEADER_START.length)) {
            return null;
        }
        return new Envelope(Arrays.copyOfRange(header, HEADER_START.length, header.length), payload, signature);
    }

    private static byte[] protectedHeader(byte[] kid) {
        byte[] h = Arrays.copyOf(HEADER_START, HEADER_START.length + 8);
        System.arraycopy(kid, 0, h, HEADER_START.length, 8);
        return h;
    }

    private static void bstr(ByteArrayOutputStream out, byte[] b) {
        int n = b.length;
        if (n < 24) {
            out.write(0x40 | n);
        } else if (n < 256) {
            out.write(0x58);
            out.write(n);
        } else if (n < 65536) {
            out.write(0x59);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x5A);
            out.write(n >>> 24);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(b);
    }

    /** Reads a byte string at {@code at[0]} (definite length), advancing it; null when there is none. */
    private static byte[] bstr(byte[] b, int[] at) {
        int i = at[0];
        if (i >= b.length || (b[i] & 0xE0) != 0x40) {
            return null;
        }
        int info = b[i++] & 0x1F;
        long n;
        if (info < 24) {
            n = info;
        } else if (info >= 24 && info <= 26) {
            int bytes = 1 << (info - 24);
            if (i + bytes > b.length) {
                return null;
            }
            n = 0;
            for (int j = 0; j < bytes; j++) {
                n = (n << 8) | (b[i++] & 0xFF);
            }
        } else {
            return null;
        }
        if (n > b.length - i) {
            return null;
        }
        at[0] = i + (int) n;
        return Arrays.copyOfRange(b, i, i + (int) n);
    }
}
