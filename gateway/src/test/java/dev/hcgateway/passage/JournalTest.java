package dev.hcgateway.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps what it accepted across reopenings, skips torn tails, and drops (counted) when full. */
class JournalTest {

    static final long NOW = 1_795_300_000_000L;

    @TempDir
    Path dir;

    static Passage passage(long at, String subject) {
        return new Passage(Uuid7.at(at), at, "SH-L2-PEOPLESQ-G01", "SH-PEOPLESQ", "metro", "pass", "ok", "green",
                "authority", false, "330100", subject, "personal", "0a1b", null, false);
    }

    private static List<Passage> readAll(Journal journal, long floor) throws Exception {
        JournalReader reader = new JournalReader(journal);
        List<Passage> out = new ArrayList<>();
        JournalCursor cursor = JournalCursor.START;
        for (int i = 0; i < 100; i++) {
            JournalReader.Batch batch = reader.read(cursor, 3, floor);
            out.addAll(batch.passages());
            if (batch.next().equals(cursor)) {
                break;
            }
            cursor = batch.next();
        }
        return out;
    }

    @Test
    void appended_readBackWhole_acrossReopenAndSegments() throws Exception {
        List<Passage> written = new ArrayList<>();
        try (Journal journal = new Journal(dir, 1 << 20, 300)) {
            for (int i = 0; i < 7; i++) {
                written.add(passage(NOW + i, "s-" + i));
                assertThat(journal.append(written.get(i))).isTrue();
            }
        }
        Journal reopened = new Journal(dir, 1 << 20, 300);
        written.add(passage(NOW + 7, "s-7"));
        reopened.append(written.get(7));
        assertThat(readAll(reopened, 0)).containsExactlyElementsOf(written);
        assertThat(reopened.segments()).hasSizeGreaterThan(2);
        reopened.close();
    }

    @Test
    void tornTail_ofACrashedProcess_isSkipped_laterPassagesStillRead() throws Exception {
        try (Journal journal = new Journal(dir, 1 << 20, 1 << 16)) {
            journal.append(passage(NOW, "s-1"));
            journal.append(passage(NOW + 1, "s-2"));
        }
        Path segment = dir.resolve(String.format("%020d.seg", 1));
        byte[] whole = Files.readAllBytes(segment);
        // The process died half-way through writing a third frame.
        Files.write(segment, java.util.Arrays.copyOf(whole, whole.length / 4), StandardOpenOption.APPEND);
        try (Journal journal = new Journal(dir, 1 << 20, 1 << 16)) {
            journal.append(passage(NOW + 2, "s-3"));
            assertThat(readAll(journal, 0)).extracting(Passage::subject).containsExactly("s-1", "s-2", "s-3");
        }
    }

    @Test
    void fullJournal_dropsNewPassagesAndCountsThem() throws Exception {
        try (Journal journal = new Journal(dir, 400, 200)) {
            int accepted = 0;
            for (int i = 0; i < 10; i++) {
                accepted += journal.append(passage(NOW + i, "s-" + i)) ? 1 : 0;
            }
            assertThat(accepted).isBetween(1, 9);
            assertThat(journal.dropped()).isEqualTo(10 - accepted);
            assertThat(journal.bytes()).isLessThanOrEqualTo(400);
        }
    }

    @Test
    void passagesOlderThanRetention_areReadPastNotReturned() throws Exception {
        try (Journal journal = new Journal(dir, 1 << 20, 1 << 16)) {
            journal.append(passage(NOW - 30 * PassageSchema.DAY, "old"));
            journal.append(passage(NOW, "new"));
            assertThat(readAll(journal, NOW - 21 * PassageSchema.DAY)).extracting(Passage::subject)
                    .containsExactly("new");
        }
    }

    @Test
    void passage_refusesASubjectWithoutIssuer_andBadHashes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Passage(UUID.randomUUID(), NOW, "g", "g", "metro",
                "deny", "malformed", null, null, false, null, "s", null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Passage(UUID.randomUUID(), NOW, "g", "g", "metro",
                "deny", "malformed", null, null, false, null, null, null, null, "11010519491231002X", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
