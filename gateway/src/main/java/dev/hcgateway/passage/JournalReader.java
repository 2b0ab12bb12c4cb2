package dev.hcgateway.passage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads batches of passages from a cursor on. Blocking file reads: call it from a worker. Passages older than
 * the retention floor are read past and not returned, which trims them from the journal like the store.
 */
final class JournalReader {

    /** A batch read, the cursor after it, and whether the journal has more right after it. */
    record Batch(List<Passage> passages, JournalCursor next, boolean more) {
    }

    private static final int CHUNK = 4 << 20;
    private final Journal journal;

    JournalReader(Journal journal) {
        this.journal = journal;
    }

    /** Reads up to {@code max} passages at or after {@code from} that are not older than {@code floorMillis}. */
    Batch read(JournalCursor from, int max, long floorMillis) throws IOException {
        List<Passage> out = new ArrayList<>(Math.min(max, 4096));
        JournalCursor at = from;
        for (long segment : journal.segments()) {
            if (segment < at.segment()) {
                continue;
            }
            // Read before the data: a segment sealed by then was written whole, so what does not decode is torn.
            boolean open = segment >= journal.currentSegment();
            long offset = segment == at.segment() ? at.offset() : 0;
            ByteBuffer data = chunk(segment, offset);
            if (data == null) {
                continue; // deleted meanwhile
            }
            while (out.size() < max) {
                Passage p = PassageCodec.read(data);
                if (p == null) {
                    break;
                }
                if (p.at() >= floorMillis) {
                    out.add(p);
                }
            }
            at = new JournalCursor(segment, offset + data.position());
            boolean truncated = data.limit() == CHUNK && data.position() > 0;
            if (out.size() >= max || truncated) {
                return new Batch(out, at, true);
            }
            if (open) {
                return new Batch(out, at, false); // the end of what is written so far
            }
            // A sealed segment ends here; anything left is a torn tail of a crashed process: skip it.
            at = new JournalCursor(segment + 1, 0);
        }
        return new Batch(out, at, false);
    }

    private ByteBuffer chunk(long segment, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(journal.file(segment), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer data = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(0, size - offset)));
            while (data.hasRemaining() && channel.read(data, offset + data.position()) > 0) {
                // read on until the chunk is full or the file ends
            }
            return data.flip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
