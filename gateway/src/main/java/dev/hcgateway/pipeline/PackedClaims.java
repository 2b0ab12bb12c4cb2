package dev.hcgateway.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.HealthCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes a code's claims into a fixed run of bytes and reads them back. The verified-code cache keeps them this way,
 * in one primitive array, rather than as a graph of objects per code: a young collection copies every object that is
 * still reachable, so a cache of objects made each fresh scan cost its claims' bytes copied several times over
 * (docs/performance.md, "Fourth session"); bytes in a large primitive array are never copied nor scanned.
 *
 * <p>Layout: issuedAt, expiresAt, colourAsOf (8 bytes each), colour, kind, vaccinated (1 byte each), then code id,
 * issuer, subject and relation, each as a length byte and its bytes ({@link #NONE} for a code without relation).
 */
final class PackedClaims {

    /** Bytes per code. Typical claims take ~80; a code whose claims need more is simply not cached. */
    static final int SIZE = 160;
    private static final int HEADER = 27;
    private static final int NONE = 0xFF;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Colour[] COLOURS = Colour.values();
    private static final CodeKind[] KINDS = CodeKind.values();

    private PackedClaims() {
    }

    /** Returns the claims in {@link #SIZE} bytes, or null when they do not fit. */
    static byte[] pack(HealthCode code) {
        byte[] id = code.codeId();
        byte[] issuer = code.issuer().getBytes(UTF_8);
        byte[] subject = code.subject().getBytes(UTF_8);
        byte[] relation = code.relation() == null ? null : code.relation().getBytes(UTF_8);
        int need = HEADER + 4 + id.length + issuer.length + subject.length + (relation == null ? 0 : relation.length);
        if (need > SIZE) {
            return null; // (so every length is below NONE)
        }
        byte[] out = new byte[SIZE];
        LONGS.set(out, 0, code.issuedAt());
        LONGS.set(out, 8, code.expiresAt());
        LONGS.set(out, 16, code.colourAsOf());
        out[24] = (byte) code.colour().ordinal();
        out[25] = (byte) code.kind().ordinal();
        out[26] = (byte) (code.vaccinated() ? 1 : 0);
        int at = put(out, HEADER, id);
        at = put(out, at, issuer);
        at = put(out, at, subject);
        if (relation == null) {
            out[at] = (byte) NONE;
        } else {
            put(out, at, relation);
        }
        return out;
    }

    /** Reads the claims packed at {@code offset} of {@code slab}. */
    static HealthCode unpack(byte[] slab, int offset) {
        int at = offset + HEADER;
        int n = slab[at] & 0xFF;
        byte[] id = Arrays.copyOfRange(slab, at + 1, at + 1 + n);
        at += 1 + n;
        String issuer = text(slab, at);
        at += 1 + (slab[at] & 0xFF);
        String subject = text(slab, at);
        at += 1 + (slab[at] & 0xFF);
        String relation = (slab[at] & 0xFF) == NONE ? null : text(slab, at);
        return new HealthCode(issuer, subject, (long) LONGS.get(slab, offset), (long) LONGS.get(slab, offset + 8), id,
                COLOURS[slab[offset + 24]], (long) LONGS.get(slab, offset + 16), KINDS[slab[offset + 25]], relation,
                slab[offset + 26] == 1);
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        out[at] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, at + 1, bytes.length);
        return at + 1 + bytes.length;
    }

    private static String text(byte[] slab, int at) {
        return new String(slab, at + 1, slab[at] & 0xFF, UTF_8);
    }
}
