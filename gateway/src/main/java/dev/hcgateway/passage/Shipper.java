package dev.hcgateway.passage;

import dev.hcgateway.pace.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the journal to the store from the persisted cursor on, with up to {@code inFlight} batches written at
 * once (each on its own connection, so the store uses more than one core) while the next one is read (worker).
 * Batches complete in any order; the cursor only ever moves past the longest run of stored batches from its
 * current place, and is saved (worker) in that order, deleting the segments wholly before it. A failed write
 * lets the others finish, then shipping starts again from the cursor after a capped backoff, so an outage only
 * delays passages, and a restart resumes from the saved cursor. Batches re-sent this way are harmless: the store
 * keeps each {@code (at, id)} once.
 */
final class Shipper {

    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Vertx vertx;
    private final JournalReader reader;
    private final Function<List<Passage>, Future<Void>> writer;
    private final PassageSchema schema;
    private final PassageMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final int inFlight;
    private final long idleMs;
    private final ShipOrder order;
    private final Backoff backoff = new Backoff(FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
    private JournalCursor readFrom;
    private volatile boolean storeUp;
    private volatile String problem;
    private Throwable failed;
    private boolean reading;
    private int failures;
    private int round;
    private boolean stopped;
    private long timer = -1;

    Shipper(Vertx vertx, Journal journal, Function<List<Passage>, Future<Void>> writer, PassageSchema schema,
            PassageMetrics metrics, Clock clock, int batchSize, int inFlight, long idleMs) {
        this.vertx = vertx;
        this.reader = new JournalReader(journal);
        this.writer = writer;
        this.schema = schema;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = batchSize;
        this.inFlight = inFlight;
        this.idleMs = idleMs;
        this.order = new ShipOrder(vertx, journal);
    }

    /** Loads the cursor and starts shipping; call on the context the shipper runs on. */
    Future<Void> start() {
        return order.load().map(c -> {
            readFrom = c;
            next(0);
            return null;
        });
    }

    private void next(long delayMs) {
        if (stopped || timer >= 0) {
            return;
        }
        if (delayMs <= 0) {
            read();
        } else {
            timer = vertx.setTimer(delayMs, id -> {
                timer = -1;
                read();
            });
        }
    }

    /** Reads the next batch, unless enough are in flight, one is being read, or a failure is being waited out. */
    private void read() {
        if (stopped || reading || failed != null || order.size() >= inFlight) {
            return;
        }
        reading = true;
        long floor = schema.floor(clock.millis());
        JournalCursor from = readFrom;
        int readRound = round;
        vertx.executeBlocking(() -> reader.read(from, batchSize, floor)).onComplete(ar -> {
            reading = false;
            if (readRound != round || failed != null) {
                next(0); // read before a failure was settled: shipping starts again from the cursor
                return;
            }
            if (ar.failed()) {
                retryLater(ar.cause());
                return;
            }
            JournalReader.Batch batch = ar.result();
            if (batch.next().equals(from)) {
                if (order.size() == 0) {
                    metrics.oldestUnshipped(0);
                    next(idleMs); // nothing new: look again later (a write under way reads on when it ends)
                }
                return;
            }
            readFrom = batch.next();
            send(order.add(batch));
            if (batch.more()) {
                read();
            }
        });
    }

    private void send(ShipOrder.Sending s) {
        metrics.oldestUnshipped(order.oldest());
        long start = System.nanoTime();
        List<Passage> passages = s.batch.passages();
        schema.ready(clock.millis()).compose(v -> writer.apply(passages)).onComplete(ar -> {
            s.finished = true;
            if (ar.succeeded()) {
                s.stored = true;
                if (!passages.isEmpty()) {
                    metrics.stored(passages.size(), System.nanoTime() - start);
                }
            } else {
                metrics.failed(System.nanoTime() - start);
                failed = failed == null ? ar.cause() : failed;
            }
            written();
        });
    }

    /** Moves the cursor past the stored batches at the head; after a failure, restarts once all have finished. */
    private void written() {
        order.advance();
        metrics.oldestUnshipped(order.oldest());
        if (failed == null) {
            storeUp = true;
            problem = null;
            failures = 0;
            backoff.reset();
            read();
            return;
        }
        if (order.allFinished()) {
            Throwable cause = failed;
            failed = null;
            round++;
            readFrom = order.rewind(); // what was stored after the failed batch is sent again; the store keeps it once
            retryLater(cause);
        }
    }

    private void retryLater(Throwable cause) {
        storeUp = false;
        problem = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (failures++ == 0) {
            LOG.warn("passages store write failed, retrying with backoff: {}", problem);
        }
        next(backoff.next());
    }

    /** Returns whether the last write reached the store. */
    boolean storeUp() {
        return storeUp;
    }

    /** Returns the last store problem, or null. */
    String problem() {
        return problem;
    }

    /** Stops shipping after the batches under way; completes when their cursor is saved. */
    Future<Void> stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return order.saved();
    }
}
