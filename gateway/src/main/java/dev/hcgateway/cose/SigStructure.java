package dev.hcgateway.cose;

/** Encodes the COSE {@code Sig_structure} for Sign1: {@code ["Signature1", protected, h'', payload]}. */
public final class SigStructure {

    private static final byte[] PREFIX = {(byte) 0x84, 0x6A, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1'};

    private SigStructure() {
    }

    /** Returns the CBOR bytes that an ES256 signature over this protected header and payload covers. */
    public static byte[] encode(byte[] protectedHeader, byte[] payload) {
        byte[] out = new byte[PREFIX.length + headLength(protectedHeader.length) + protectedHeader.length + 1
                + headLength(payload.length) + payload.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        int o = writeBstr(out, PREFIX.length, protectedHeader);
        out[o++] = 0x40; // external_aad: empty bstr
        writeBstr(out, o, payload);
        return out;
    }

    private static int headLength(int n) {
        return n < 24 ? 1 : n < 256 ? 2 : n < 65536 ? 3 : 5;
    }

    private static int writeBstr(byte[] out, int o, byte[] b) {
        int n = b.length;
        if (n < 24) {
            out[o++] = (byte) (0x40 | n);
        } else if (n < 256) {
            out[o++] = 0x58;
            out[o++] = (byte) n;
        } else if (n < 65536) {
            out[o++] = 0x59;
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        } else {
            out[o++] = 0x5A;
            out[o++] = (byte) (n >>> 24);
            out[o++] = (byte) (n >> 16);
            out[o++] = (byte) (n >> 8);
            out[o++] = (byte) n;
        }
        System.arraycopy(b, 0, out, o, n);
        return o + n;
    }
}
