package dev.hcgateway.crypto;

import java.io.ByteArrayOutputStream;

/** Converts ECDSA P-256 signatures between IEEE P1363 ({@code r || s}) and ASN.1 DER. */
public final class Der {

    private Der() {
    }

    /** Returns the DER SEQUENCE of the two 32-byte integers of a P1363 signature. */
    public static byte[] fromP1363(byte[] rs) {
        byte[] r = integer(rs, 0);
        byte[] s = integer(rs, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        out.write(0x30);
        out.write(r.length + s.length);
        out.writeBytes(r);
        out.writeBytes(s);
        return out.toByteArray();
    }

    private static byte[] integer(byte[] rs, int from) {
        int i = from;
        while (i < from + 31 && rs[i] == 0) {
            i++;
        }
        boolean pad = (rs[i] & 0x80) != 0;
        int len = from + 32 - i + (pad ? 1 : 0);
        byte[] out = new byte[len + 2];
        out[0] = 0x02;
        out[1] = (byte) len;
        System.arraycopy(rs, i, out, pad ? 3 : 2, from + 32 - i);
        return out;
    }

    /** Returns the P1363 form ({@code r || s}, 64 bytes) of a DER ECDSA P-256 signature. */
    public static byte[] toP1363(byte[] der) {
        byte[] out = new byte[64];
        int o = der[1] == (byte) 0x81 ? 3 : 2;
        for (int k = 0; k < 2; k++) {
            int len = der[o + 1];
            int start = o + 2;
            int skip = Math.max(0, len - 32);
            int copy = len - skip;
            System.arraycopy(der, start + skip, out, k * 32 + 32 - copy, copy);
            o = start + len;
        }
        return out;
    }
}
