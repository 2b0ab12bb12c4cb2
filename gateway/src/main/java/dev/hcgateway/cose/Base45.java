package dev.hcgateway.cose;

/** Decodes and encodes RFC 9285 Base45. Decoding never throws: it answers null on malformed input. */
public final class Base45 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base45() {
    }

    /**
     * Decodes {@code text[from..]}; returns null when a character is outside the alphabet, a single
     * character dangles, or a group encodes a value too large for its bytes.
     */
    public static byte[] decode(CharSequence text, int from) {
        int n = text.length() - from;
        if (n % 3 == 1) {
            return null;
        }
        byte[] out = new byte[(n / 3) * 2 + (n % 3 == 2 ? 1 : 0)];
        int o = 0;
        for (int i = from; i < text.length(); i += 3) {
            int remaining = text.length() - i;
            int c = digit(text.charAt(i));
            int d = digit(text.charAt(i + 1));
            if (c < 0 || d < 0) {
                return null;
            }
            if (remaining >= 3) {
                int e = digit(text.charAt(i + 2));
                if (e < 0) {
                    return null;
                }
                int v = c + d * 45 + e * 45 * 45;
                if (v > 0xFFFF) {
                    return null;
                }
                out[o++] = (byte) (v >> 8);
                out[o++] = (byte) v;
            } else {
                int v = c + d * 45;
                if (v > 0xFF) {
                    return null;
                }
                out[o++] = (byte) v;
            }
        }
        return out;
    }

    private static int digit(char ch) {
        return ch < 128 ? VALUES[ch] : -1;
    }

    /** Encodes bytes as Base45. */
    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length / 2 * 3 + 2);
        for (int i = 0; i + 1 < data.length; i += 2) {
            int v = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            sb.append(ALPHABET.charAt(v % 45)).append(ALPHABET.charAt(v / 45 % 45)).append(ALPHABET.charAt(v / 2025));
        }
        if (data.length % 2 == 1) {
            int v = data[data.length - 1] & 0xFF;
            sb.append(ALPHABET.charAt(v % 45)).append(ALPHABET.charAt(v / 45));
        }
        return sb.toString();
    }
}
