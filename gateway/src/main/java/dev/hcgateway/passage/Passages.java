package dev.hcgateway.passage;

import dev.hcgateway.model.Outcome;
import dev.hcgateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Turns judged answers into passages and journals them ({@link PassageRecorder}), and runs what keeps them: the
 * journal's periodic fsync and the store ({@link PassageStore}: schema, shipping, retention); takes the passages of
 * offline gates ({@link OfflineIntake}) into the same journal. Readers of passages
 * (the tracer) reach the store through {@link #store}.
 */
public final class Passages implements PassageRecorder {

    private final Vertx vertx;
    private final Clock clock;
    private final PassageRecorder recorder;
    private final Journal journal;
    private final PassageStore store;
    private final OfflineIntake offline;
    private final long fsyncIntervalMs;
    private long syncTimer = -1;

    /**
     * Opens the journal (when {@code passages.journal} is set) and the store (when {@code passages.url} is set)
     * and registers the meters; nothing is shipped before {@link #start}.
     */
    public Passages(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry) {
        var c = config.passages();
        this.vertx = vertx;
        this.clock = clock;
        this.fsyncIntervalMs = c.fsyncIntervalMs();
        this.journal = c.journal() == null ? null : new Journal(Path.of(c.journal()), c.journalMaxBytes(),
                c.segmentBytes());
        Places places = new Places(config.places());
        this.recorder = journal == null ? PassageRecorder.NONE : new JournalRecorder(journal, places, clock);
        this.offline = new OfflineIntake(vertx, journal, places, clock, c.retentionDays(), registry);
        PassageMetrics metrics = new PassageMetrics(registry, journal, clock);
        this.store = c.url() == null ? null : new PassageStore(vertx, c, journal, metrics, clock);
    }

    /** Starts the periodic fsync of the journal and the shipper; a store that is down only delays shipping. */
    public Future<Void> start() {
        if (journal != null) {
            syncTimer = vertx.setPeriodic(fsyncIntervalMs, id -> vertx.executeBlocking(() -> {
                journal.sync();
                return null;
            }, false));
        }
        return store == null ? Future.succeededFuture() : store.start();
    }

    /** Creates or migrates the store's schema and partitions, for {@code gateway migrate}. */
    public Future<Void> migrate() {
        return store == null ? Future.failedFuture("passages.url is not set") : store.migrate();
    }

    /** Stops shipping, closes the store, and forces and closes the journal (blocking: a worker's job). */
    public Future<Void> close() {
        vertx.cancelTimer(syncTimer);
        Future<Void> closed = store == null ? Future.succeededFuture() : store.close();
        return closed.eventually(() -> vertx.executeBlocking(() -> {
            if (journal != null) {
                journal.close();
            }
            return null;
        }));
    }

    @Override
    public boolean record(String gate, String scene, Outcome outcome) {
        return recorder.record(gate, scene, outcome);
    }

    /** Returns the intake of passages handed in by offline gates ({@code POST /v1/passages/offline}). */
    public OfflineIntake offline() {
        return offline;
    }

    /** Returns the store, or null when {@code passages.url} is not set. */
    public PassageStore store() {
        return store;
    }

    /** Returns the gateway's clock, the one passages are timed by. */
    public Clock clock() {
        return clock;
    }

    /** Returns the passages part of the readiness report (it never fails readiness: gates must keep opening). */
    public JsonObject state() {
        var json = new JsonObject().put("journal", journal != null)
                .put("journalBytes", journal == null ? 0 : journal.bytes())
                // The drop policy, stated where operators look: full means new passages are not recorded.
                .put("journalMaxBytes", journal == null ? 0 : journal.maxBytes())
                .put("whenFull", journal == null ? "not_recorded" : "new_passages_dropped")
                .put("dropped", journal == null ? 0 : journal.dropped());
        if (store == null) {
            return json.put("store", "not_configured");
        }
        if (store.shipper() == null) {
            return json.put("store", "configured");
        }
        return json.put("store", store.shipper().storeUp() ? "up" : "down")
                .put("oldestUnshippedAt", store.metrics().oldestUnshipped())
                .put("problem", store.shipper().problem());
    }
}
