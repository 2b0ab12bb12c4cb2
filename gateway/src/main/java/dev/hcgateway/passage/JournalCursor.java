package dev.hcgateway.passage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A position in the journal: everything before it is in the store. Persisted in the journal's {@code cursor}
 * file, replaced atomically, so a restart resumes where shipping stood (re-sending at most one batch, which
 * the store ignores by id).
 */
record JournalCursor(long segment, long offset) {

    static final JournalCursor START = new JournalCursor(0, 0);

    /** Reads the cursor saved in {@code dir}, or {@link #START}; a damaged file also reads as the start. */
    static JournalCursor load(Path dir) throws IOException {
        try {
            String[] parts = Files.readString(dir.resolve("cursor"), StandardCharsets.US_ASCII).trim().split(" ");
            return new JournalCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (NoSuchFileException e) {
            return START;
        } catch (RuntimeException e) {
            return START; // re-shipping everything is safe: the store keeps each id once
        }
    }

    /** Saves this cursor in {@code dir}. */
    void save(Path dir) throws IOException {
        Path tmp = dir.resolve("cursor.tmp");
        Files.writeString(tmp, segment + " " + offset + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("cursor"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
