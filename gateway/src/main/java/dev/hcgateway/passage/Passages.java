package dev.hcgateway.passage;

import dev.hcgateway.model.HealthCode;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.model.IdentityDocument;
import dev.hcgateway.model.Rejection;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.model.Verdict;
import dev.hcgateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Turns judged answers into passages and journals them ({@link PassageRecorder}); holds the parts behind
 * them (journal, shipper, tracer queries) for the gateway's lifecycle, readiness report and tracer API.
 */
public final class Passages implements PassageRecorder {

    private final Vertx vertx;
    private final Places places;
    private final Clock clock;
    private final Journal journal;
    private final PassageStore store;
    private final long fsyncIntervalMs;
    private final int retentionDays;
    private long syncTimer = -1;

    /**
     * Opens the journal (when {@code passages.journal} is set) and the store (when {@code passages.url} is set)
     * and registers the meters; nothing is shipped before {@link #start}.
     */
    public Passages(Vertx vertx, GatewayConfig config, Clock clock, MeterRegistry registry) {
        var c = config.passages();
        this.vertx = vertx;
        this.places = new Places(config.places());
        this.clock = clock;
        this.fsyncIntervalMs = c.fsyncIntervalMs();
        this.retentionDays = c.retentionDays();
        this.journal = c.journal() == null ? null : new Journal(Path.of(c.journal()), c.journalMaxBytes(),
                c.segmentBytes());
        Shipper[] shipper = new Shipper[1];
        PassageMetrics metrics = new PassageMetrics(registry, journal, () -> {
            long oldest = shipper[0] == null ? 0 : shipper[0].oldestUnshipped();
            return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest);
        });
        this.store = c.url() == null ? null : new PassageStore(vertx, c, journal, metrics, clock);
        shipper[0] = store == null ? null : store.shipper();
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
        if (gate == null || journal == null) {
            return false;
        }
        long at = clock.millis();
        String colour = null;
        String source = null;
        HealthCode code = null;
        String document = null;
        if (outcome instanceof Verdict v) {
            colour = v.colour() == null ? null : v.colour().wire();
            source = v.source() == null ? null : v.source().wire();
            code = v.code();
            document = v.credential() instanceof IdentityDocument d ? d.key().hash() : null;
        } else if (outcome instanceof Rejection r && r.colour() != null) {
            colour = r.colour().wire(); // grey: an expired international code, read off the code itself
            source = ColourSource.CODE.wire();
        }
        try {
            return journal.append(new Passage(Uuid7.at(at), at, gate, places.placeOf(gate), scene,
                    outcome.decision().wire(), outcome.reason().wire(), colour, source, outcome.degraded(),
                    code == null ? null : code.issuer(), code == null ? null : code.subject(),
                    code == null ? null : code.kind().wire(), code == null ? null : code.codeIdHex(), document));
        } catch (IllegalArgumentException e) {
            journal.refuse(); // e.g. a signed subject past the passage's bounds: the answer must not fail for it
            return false;
        }
    }

    /** Returns the current time of the gateway's clock, epoch milliseconds. */
    public long now() {
        return clock.millis();
    }

    /** Returns how many days passages are kept. */
    public int retentionDays() {
        return retentionDays;
    }

    /** Returns the oldest answer time retention keeps. */
    public long floor() {
        return clock.millis() - retentionDays * PassageSchema.DAY;
    }

    /** Returns the tracer's queries, or null when no store is configured. */
    public TracerQueries queries() {
        return store == null ? null : store.queries();
    }

    /** Records the time of a tracer query. */
    public void queried(long nanos) {
        if (store != null) {
            store.metrics().queried(nanos);
        }
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
                .put("oldestUnshippedAt", store.shipper().oldestUnshipped())
                .put("problem", store.shipper().problem());
    }
}
