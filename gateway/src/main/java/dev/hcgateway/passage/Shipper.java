package dev.hcgateway.passage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the journal to the store, one batch at a time, from the persisted cursor on: read (worker), write
 * (one statement), then move and save the cursor and delete the segments now wholly stored (worker). A failed
 * write leaves the cursor where it was and is retried with a capped backoff, so an outage only delays
 * passages; a restart resumes from the saved cursor. At-least-once: the store ignores ids it has.
 */
final class Shipper {

    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Vertx vertx;
    private final Journal journal;
    private final JournalReader reader;
    private final PassageWriter writer;
    private final PassageSchema schema;
    private final PassageMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final long idleMs;
    private JournalCursor cursor;
    private volatile long oldestUnshipped;
    private volatile boolean storeUp;
    private volatile String problem;
    private int failures;
    private boolean stopped;
    private long timer = -1;

    Shipper(Vertx vertx, Journal journal, PassageWriter writer, PassageSchema schema, PassageMetrics metrics,
            Clock clock, int batchSize, long idleMs) {
        this.vertx = vertx;
        this.journal = journal;
        this.reader = new JournalReader(journal);
        this.writer = writer;
        this.schema = schema;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = batchSize;
        this.idleMs = idleMs;
    }

    /** Loads the cursor and starts shipping; call on the context the shipper runs on. */
    Future<Void> start() {
        return vertx.executeBlocking(() -> JournalCursor.load(journal.dir())).map(c -> {
            cursor = c;
            next(0);
            return null;
        });
    }

    private void next(long delayMs) {
        if (stopped) {
            return;
        }
        if (delayMs <= 0) {
            ship();
        } else {
            timer = vertx.setTimer(delayMs, id -> ship());
        }
    }

    private void ship() {
        timer = -1;
        long floor = schema.floor(clock.millis());
        vertx.executeBlocking(() -> reader.read(cursor, batchSize, floor)).compose(batch -> {
            oldestUnshipped = batch.passages().isEmpty() ? 0 : batch.passages().get(0).at();
            long start = System.nanoTime();
            return schema.ready(clock.millis()).compose(v -> writer.write(batch.passages())).transform(ar -> {
                if (ar.failed()) {
                    metrics.failed(System.nanoTime() - start);
                    return Future.failedFuture(ar.cause());
                }
                if (!batch.passages().isEmpty()) {
                    metrics.stored(batch.passages().size(), System.nanoTime() - start);
                }
                return advance(batch);
            });
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                storeUp = true;
                problem = null;
                failures = 0;
                next(ar.result() ? 0 : idleMs);
                return;
            }
            storeUp = false;
            problem = ar.cause().getClass().getSimpleName() + ": " + ar.cause().getMessage();
            if (failures++ == 0) {
                LOG.warn("passages store write failed, retrying with backoff: {}", problem);
            }
            next(Math.min(MAX_BACKOFF_MS, 100L << Math.min(failures, 6)));
        });
    }

    /** Moves the cursor past a stored batch; returns whether the journal has more to ship right away. */
    private Future<Boolean> advance(JournalReader.Batch batch) {
        if (batch.next().equals(cursor)) {
            oldestUnshipped = 0;
            return Future.succeededFuture(false);
        }
        JournalCursor next = batch.next();
        return vertx.executeBlocking(() -> {
            next.save(journal.dir());
            journal.deleteBefore(next.segment());
            return null;
        }).map(v -> {
            cursor = next;
            if (!batch.more()) {
                oldestUnshipped = 0;
            }
            return batch.more() || !batch.passages().isEmpty();
        });
    }

    /** Returns the answer time of the oldest passage not yet stored, 0 when none is waiting. */
    long oldestUnshipped() {
        return oldestUnshipped;
    }

    /** Returns whether the last write reached the store. */
    boolean storeUp() {
        return storeUp;
    }

    /** Returns the last store problem, or null. */
    String problem() {
        return problem;
    }

    /** Stops shipping after the batch under way. */
    void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
