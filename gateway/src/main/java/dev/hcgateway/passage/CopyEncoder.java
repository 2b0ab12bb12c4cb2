package dev.hcgateway.passage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes passages in PostgreSQL's binary {@code COPY} format (the server's documented file format: a signature,
 * then per row a field count and each field as length and bytes, then {@code -1}). Binary rather than text: the
 * server converts no text to uuid, bigint or boolean, which is most of what a text COPY costs it. Written here
 * rather than taken from a library because it is twenty lines over a fixed column list; pgjdbc carries the bytes.
 */
final class CopyEncoder {

    /** The columns in the order {@link #encode} writes them. */
    static final String COLUMNS = "id, at, gate, place, scene, decision, reason, colour, source, degraded, issuer, "
            + "subject, kind, code_id, document, offline";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 16;

    private CopyEncoder() {
    }

    /** Returns the whole COPY stream (header, rows, trailer) of these passages. */
    static byte[] encode(List<Passage> passages) {
        ByteBuffer out = ByteBuffer.allocate(SIGNATURE.length + 10 + passages.size() * 256);
        out.put(SIGNATURE).putInt(0).putInt(0); // flags (no OIDs), header extension length
        for (Passage p : passages) {
            out = room(out, 2 + 4 * FIELDS + 16 + 8 + 2 + 12 * 3 * Passage.MAX_TEXT);
            out.putShort(FIELDS);
            out.putInt(16).putLong(p.id().getMostSignificantBits()).putLong(p.id().getLeastSignificantBits());
            out.putInt(8).putLong(p.at());
            text(out, p.gate());
            text(out, p.place());
            text(out, p.scene());
            text(out, p.decision());
            text(out, p.reason());
            text(out, p.colour());
            text(out, p.source());
            out.putInt(1).put((byte) (p.degraded() ? 1 : 0));
            text(out, p.issuer());
            text(out, p.subject());
            text(out, p.kind());
            text(out, p.codeId());
            text(out, p.document());
            out.putInt(1).put((byte) (p.offline() ? 1 : 0));
        }
        out = room(out, 2);
        out.putShort((short) -1);
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Returns a buffer with at least {@code bytes} left: this one, or a copy twice as large. */
    private static ByteBuffer room(ByteBuffer out, int bytes) {
        if (out.remaining() >= bytes) {
            return out;
        }
        ByteBuffer larger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
        return larger.put(out.flip());
    }

    /** Writes a text field: its UTF-8 length and bytes, ASCII copied as is (most fields are), or -1 for null. */
    private static void text(ByteBuffer out, String value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        int at = out.position();
        out.putInt(0);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                out.position(at + 4);
                out.put(value.getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.put((byte) c);
        }
        out.putInt(at, out.position() - at - 4);
    }
}
