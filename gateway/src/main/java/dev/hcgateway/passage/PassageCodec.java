package dev.hcgateway.passage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Writes and reads journal frames: {@code [int length][int crc32c][payload]}, the payload a compact binary
 * passage. A frame whose length runs past the data or whose checksum differs is a torn write (the process died
 * mid-write): readers stop there. Binary rather than JSON lines: a third of the bytes and no JSON writer on the
 * scan path.
 */
final class PassageCodec {

    /** Bytes before the payload. */
    static final int HEADER = 8;
    /** Largest payload: 12 text fields of at most {@link Passage#MAX_TEXT} characters, 3 bytes each. */
    static final int MAX_PAYLOAD = 64 + 12 * (2 + 3 * Passage.MAX_TEXT);
    /** Version 1 frames (before offline passages) read as online passages; version 2 adds a flags byte. */
    private static final byte VERSION_1 = 1;
    private static final byte VERSION = 2;
    private static final byte DEGRADED = 1;
    private static final byte OFFLINE = 2;

    private PassageCodec() {
    }

    /** Writes one frame of {@code p} into {@code out} (cleared first), ready to be written to a file. */
    static void frame(Passage p, ByteBuffer out) {
        out.clear();
        out.position(HEADER);
        out.put(VERSION).putLong(p.id().getMostSignificantBits()).putLong(p.id().getLeastSignificantBits())
                .putLong(p.at()).put((byte) ((p.degraded() ? DEGRADED : 0) | (p.offline() ? OFFLINE : 0)));
        for (String s : new String[]{p.gate(), p.place(), p.scene(), p.decision(), p.reason(), p.colour(),
                p.source(), p.issuer(), p.subject(), p.kind(), p.codeId(), p.document()}) {
            text(s, out);
        }
        int length = out.position() - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(out.array(), HEADER, length);
        out.putInt(0, length).putInt(4, (int) crc.getValue());
        out.flip();
    }

    private static void text(String s, ByteBuffer out) {
        if (s == null) {
            out.putShort((short) -1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) bytes.length).put(bytes);
    }

    /**
     * Reads the frame at {@code in}'s position, advancing past it; returns null, without advancing, when the
     * rest is not one whole, intact frame (a torn tail, or a write still under way).
     */
    static Passage read(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < HEADER) {
            return null;
        }
        int length = in.getInt(start);
        int crc = in.getInt(start + 4);
        if (length <= 0 || length > MAX_PAYLOAD || in.remaining() - HEADER < length) {
            return null;
        }
        CRC32C check = new CRC32C();
        check.update(in.array(), in.arrayOffset() + start + HEADER, length);
        if ((int) check.getValue() != crc) {
            return null;
        }
        ByteBuffer payload = in.duplicate().position(start + HEADER).limit(start + HEADER + length);
        try {
            Passage p = decode(payload);
            in.position(start + HEADER + length);
            return p;
        } catch (BufferUnderflowException | IllegalArgumentException | NullPointerException e) {
            return null; // intact checksum, foreign content: treated like a torn frame
        }
    }

    private static Passage decode(ByteBuffer in) {
        byte version = in.get();
        if (version != VERSION && version != VERSION_1) {
            throw new IllegalArgumentException("unknown frame version");
        }
        UUID id = new UUID(in.getLong(), in.getLong());
        long at = in.getLong();
        byte flags = in.get();
        // A version 1 frame wrote 1 for degraded and nothing else: the same bit, never offline.
        boolean degraded = (flags & DEGRADED) != 0;
        boolean offline = version == VERSION && (flags & OFFLINE) != 0;
        return new Passage(id, at, text(in), text(in), text(in), text(in), text(in), text(in), text(in), degraded,
                text(in), text(in), text(in), text(in), text(in), offline);
    }

    private static String text(ByteBuffer in) {
        short length = in.getShort();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
