package dev.hcgateway.revocation;

import dev.hcgateway.changes.ChangeRoutes;
import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mirror in step with Redis: loads it at start, then follows the change stream with blocking reads
 * from the last id applied. One step at a time on one thread, so at most one command of the follower is ever
 * outstanding and an outage never piles up work: a failed step is retried after a bounded backoff, resuming
 * from the last id, or reloading when the stream no longer holds what came after it (trimmed, recreated).
 * Every stream-block period it checks marker and counter ({@link StoreCheck}): flush and rollback are flagged.
 */
final class ChangeFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    private static final long FIRST_RETRY_MILLIS = 100;

    private final RedisLink link;
    private final RedisKeys keys;
    private final RedisConfig config;
    private final Mirror mirror;
    private final MirrorHealth health;
    private final RevocationMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final ChangeApplier applier;
    private final SnapshotLoader loader;
    private final MarkerWatch marker;
    private final RollbackWatch rollback;
    private final StoreCheck storeCheck;
    private volatile boolean closed;
    // Touched by the follower thread only:
    private StreamId lastSeen = StreamId.ZERO;
    private boolean caughtUp;
    private boolean gapCheckDue = true;
    private long markerCheckedAt = System.nanoTime();
    private boolean markerDue;
    private long retryMillis = FIRST_RETRY_MILLIS;

    ChangeFollower(RedisLink link, RedisKeys keys, RedisConfig config, Mirror mirror, MirrorHealth health,
                   RevocationMetrics metrics, Clock clock, ScheduledExecutorService executor,
                   ChangeRoutes routes, String newGeneration) {
        this.link = link;
        this.keys = keys;
        this.config = config;
        this.mirror = mirror;
        this.health = health;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
        this.rollback = new RollbackWatch(health, clock);
        this.applier = new ChangeApplier(routes, metrics, clock, rollback);
        this.loader = new SnapshotLoader(link.commands(), keys, config.snapshotBatch());
        this.marker = new MarkerWatch(keys.marker(), health, newGeneration);
        this.storeCheck = new StoreCheck(link.commands(), keys, marker, rollback);
    }

    /** Loads the mirror (failing when Redis cannot be read) and then follows changes until {@link #close}. */
    CompletionStage<Void> start() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        marker.initial(link.commands(), config.requireMarker()).thenComposeAsync(generation -> {
            marker.loaded(generation);
            return load("start");
        }, executor).whenCompleteAsync((v, err) -> {
            if (err != null) {
                started.completeExceptionally(err);
            } else if (started.complete(null)) {
                step();
            }
        }, executor);
        return started;
    }

    /** Stops following; the outstanding read is cancelled when the link closes. */
    void close() {
        closed = true;
    }

    private CompletionStage<Void> load(String reason) {
        long startedAt = clock.millis();
        long began = System.nanoTime();
        metrics.resynced(reason);
        return storeCheck.beforeLoad(reason).thenCompose(v -> loader.load(mirror, executor)).thenAcceptAsync(loaded -> {
            lastSeen = loaded.from();
            caughtUp = false;
            gapCheckDue = true;
            health.contact();
            health.confirmed(startedAt);
            metrics.unusable(loaded.unusable());
            LOG.info("revocation mirror loaded ({}): {} code ids and {} subjects scanned in {} ms ({} unusable);"
                            + " mirror holds {} + {} in {} MiB", reason, loaded.codes(), loaded.subjects(),
                    (System.nanoTime() - began) / 1_000_000, loaded.unusable(), mirror.codeCount(),
                    mirror.subjectCount(), mirror.bytes() >> 20);
        }, executor);
    }

    /** Runs the next step of the loop: marker check when due, gap check when due, else one blocking read. */
    private void step() {
        if (closed) {
            return;
        }
        try {
            if (markerDue || System.nanoTime() - markerCheckedAt >= TimeUnit.MILLISECONDS.toNanos(config.streamBlockMs())) {
                checkMarker();
            } else if (gapCheckDue) {
                checkGap();
            } else {
                read();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void checkMarker() {
        markerCheckedAt = System.nanoTime();
        markerDue = false;
        then(storeCheck.run(), this::resyncOrStep);
    }

    private void checkGap() {
        then(loader.streamInfo(), info -> {
            gapCheckDue = false;
            if (info.lastGenerated().compareTo(lastSeen) < 0) {
                rollback.streamRegressed(info.lastGenerated(), lastSeen);
            } else if (info.missedAfter(lastSeen)) {
                LOG.warn("change stream no longer holds what followed {} (trimmed or recreated): reloading", lastSeen);
                resync("gap");
                return;
            }
            resyncOrStep(rollback.takeReloadDue() ? "rollback" : null);
        });
    }

    @SuppressWarnings("unchecked") // Lettuce's varargs of a generic type; one offset is passed
    private void read() {
        health.readStarted(caughtUp);
        then(link.stream().xread(XReadArgs.Builder.count(config.streamReadCount()).block(config.streamBlockMs()),
                XReadArgs.StreamOffset.from(keys.changes(), lastSeen.toString())), messages -> {
                    List<StreamMessage<String, String>> batch = messages == null ? List.of() : messages;
                    lastSeen = applier.apply(batch, lastSeen);
                    caughtUp = batch.size() < config.streamReadCount();
                    health.readEnded(caughtUp);
                    resyncOrStep(rollback.takeReloadDue() ? "rollback" : null);
                });
    }

    private void resyncOrStep(String reason) {
        if (reason != null) {
            resync(reason);
        } else {
            step();
        }
    }

    private void resync(String reason) {
        then(load(reason), v -> {
            marker.reloaded(reason);
            step();
        });
    }

    /** Continues with {@code next} on the follower thread once {@code stage} succeeded; else retries later. */
    private <T> void then(CompletionStage<T> stage, Consumer<T> next) {
        stage.whenCompleteAsync((value, err) -> {
            if (succeeded(err)) {
                try {
                    next.accept(value);
                } catch (RuntimeException e) {
                    LOG.error("revocation follower step failed; retrying", e);
                    failed(e);
                }
            }
        }, executor);
    }

    /** Returns true on success (and notes contact); on failure schedules a retry and returns false. */
    private boolean succeeded(Throwable err) {
        if (closed) {
            return false;
        }
        if (err != null) {
            failed(err);
            return false;
        }
        retryMillis = FIRST_RETRY_MILLIS;
        long outage = health.outageMillis();
        if (health.contact()) {
            LOG.info("Redis reachable again after {} ms: resuming the change stream after {}", outage, lastSeen);
        }
        return true;
    }

    private void failed(Throwable err) {
        health.readEnded(false);
        caughtUp = false;
        gapCheckDue = true;
        markerDue = true; // check the marker first after an outage: a restarted Redis may have lost everything
        if (health.noContact()) {
            LOG.warn("Redis unreachable ({}): judging from the last mirror ({} code ids, {} subjects), retrying",
                    err.toString(), mirror.codeCount(), mirror.subjectCount());
        }
        if (!closed) {
            executor.schedule(this::step, retryMillis, TimeUnit.MILLISECONDS);
            retryMillis = Math.min(retryMillis * 2, config.reconnectMaxDelayMs());
        }
    }
}
