package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batches being written, in journal order, and the cursor they move: past a batch only once it and every batch
 * before it are stored, so the cursor never passes a passage the store does not hold. Each move is saved (atomic
 * rename, worker) after the one before, deleting the segments now wholly stored. Event-loop confined.
 */
final class ShipOrder {

    private static final Logger LOG = LoggerFactory.getLogger(ShipOrder.class);

    /** A batch handed to the writer; {@code finished} once its write ended, {@code stored} if it succeeded. */
    static final class Sending {
        final JournalReader.Batch batch;
        boolean finished;
        boolean stored;

        Sending(JournalReader.Batch batch) {
            this.batch = batch;
        }
    }

    private final Vertx vertx;
    private final Journal journal;
    private final ArrayDeque<Sending> sending = new ArrayDeque<>();
    private JournalCursor cursor = JournalCursor.START;
    private Future<Void> saving = Future.succeededFuture();

    ShipOrder(Vertx vertx, Journal journal) {
        this.vertx = vertx;
        this.journal = journal;
    }

    /** Loads the saved cursor (worker); completes with it. */
    Future<JournalCursor> load() {
        return vertx.executeBlocking(() -> JournalCursor.load(journal.dir())).onSuccess(c -> cursor = c);
    }

    /** Returns a batch's place in the order, at its end. */
    Sending add(JournalReader.Batch batch) {
        Sending s = new Sending(batch);
        sending.add(s);
        return s;
    }

    /** Moves the cursor past the stored batches at the head, and saves it. */
    void advance() {
        JournalCursor stored = null;
        while (!sending.isEmpty() && sending.peek().stored) {
            stored = sending.poll().batch.next();
        }
        if (stored != null) {
            cursor = stored;
            save(stored);
        }
    }

    /** Tells whether no write is under way. */
    boolean allFinished() {
        return sending.stream().allMatch(s -> s.finished);
    }

    /** Forgets the batches after the cursor (they will be read and sent again); returns the cursor. */
    JournalCursor rewind() {
        sending.clear();
        return cursor;
    }

    /** Returns how many batches are in flight or wait for an earlier one. */
    int size() {
        return sending.size();
    }

    /** Returns the answer time of the oldest passage handed to the writer and not yet behind the cursor, or 0. */
    long oldest() {
        for (Sending s : sending) {
            if (!s.batch.passages().isEmpty()) {
                return s.batch.passages().get(0).at();
            }
        }
        return 0;
    }

    /** Returns when the last cursor move is saved. */
    Future<Void> saved() {
        return saving;
    }

    private void save(JournalCursor stored) {
        saving = saving.eventually(() -> vertx.executeBlocking(() -> {
            stored.save(journal.dir());
            journal.deleteBefore(stored.segment());
            return null;
        })).onFailure(e -> LOG.warn("passages cursor not saved (a restart re-sends, the store keeps each once): {}",
                e.toString())).recover(e -> Future.succeededFuture());
    }
}
