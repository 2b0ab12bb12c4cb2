package dev.hcgateway.revocation;

import dev.hcgateway.changes.FollowHooks;
import dev.hcgateway.changes.StreamId;
import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation store's part in following the change stream: at start the marker is read (or created) and the
 * mirror loaded from a snapshot; every stream-block period marker and counter are checked ({@link StoreCheck}):
 * flush and rollback are flagged; every entry's counter is watched ({@link RollbackWatch}). The transport itself
 * (reads, resuming, gaps, backoff) is {@link dev.hcgateway.changes.StreamFollower}'s.
 *
 * <p>A mirror read from disk goes on from where it stood: when the marker still names its generation, from its
 * stream position (a gap, or a stream that no longer reaches back to it, reloads the whole set and merges it);
 * under another generation the new data is merged and the store flagged lost; without a marker the store is
 * flagged lost and nothing is created (the data was there): the gateway judges from the mirror read from disk.
 */
final class MirrorFollowing implements FollowHooks {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorFollowing.class);

    private final RedisAsyncCommands<String, String> redis;
    private final RedisKeys keys;
    private final RedisConfig config;
    private final Mirror mirror;
    private final MirrorHealth health;
    private final RevocationMetrics metrics;
    private final Clock clock;
    private final Executor executor;
    private final SnapshotLoader loader;
    private final MarkerWatch marker;
    private final RollbackWatch rollback;
    private final StoreCheck storeCheck;
    private final MirrorFile.Position disk;
    private volatile boolean resumedFromDisk;
    private String reloadDue;

    MirrorFollowing(RedisAsyncCommands<String, String> redis, RedisKeys keys, RedisConfig config, Mirror mirror,
                    MirrorHealth health, RevocationMetrics metrics, Clock clock, Executor executor,
                    String newGeneration, MirrorFile.Position disk) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
        this.mirror = mirror;
        this.health = health;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
        this.rollback = new RollbackWatch(health, clock);
        this.loader = new SnapshotLoader(redis, keys, config.snapshotBatch());
        this.marker = new MarkerWatch(keys.marker(), health, newGeneration);
        this.storeCheck = new StoreCheck(redis, keys, marker, rollback);
        this.disk = disk;
    }

    @Override
    public CompletionStage<StreamId> load(String reason) {
        if ("start".equals(reason) && disk != null) {
            return redis.get(keys.marker()).thenComposeAsync(this::resume, executor);
        }
        if ("start".equals(reason)) {
            return marker.initial(redis, config.requireMarker()).thenComposeAsync(generation -> {
                marker.loaded(generation);
                return snapshot(reason);
            }, executor);
        }
        return snapshot(reason);
    }

    /** Goes on from the mirror read from disk, by what the marker says now. */
    private CompletionStage<StreamId> resume(String generation) {
        marker.loaded(disk.generation());
        rollback.resume(disk.counter());
        String why = marker.check(generation);
        if (generation == null) {
            throw new MarkerWatch.MarkerMissing("Redis key " + keys.marker() + " is missing although the mirror on"
                    + " disk holds generation " + disk.generation() + ": Redis lost the revocation data; judging from"
                    + " the mirror read from disk. Restore Redis (store restore, docs/revocation.md)");
        }
        if (why != null) {
            return snapshot(why).thenApply(from -> {
                marker.reloaded(why);
                return from;
            });
        }
        resumedFromDisk = true;
        LOG.info("revocation mirror read from disk goes on from stream position {} of generation {}", disk.stream(),
                disk.generation());
        return CompletableFuture.completedFuture(disk.stream());
    }

    private CompletionStage<StreamId> snapshot(String reason) {
        long startedAt = clock.millis();
        long began = System.nanoTime();
        metrics.resynced(reason);
        return storeCheck.beforeLoad(reason).thenCompose(v -> loader.load(mirror, executor)).thenApplyAsync(loaded -> {
            health.contact();
            health.confirmed(startedAt);
            resumedFromDisk = false;
            metrics.unusable(loaded.unusable());
            LOG.info("revocation mirror loaded ({}): {} code ids and {} subjects scanned in {} ms ({} unusable);"
                            + " mirror holds {} + {} in {} MiB", reason, loaded.codes(), loaded.subjects(),
                    (System.nanoTime() - began) / 1_000_000, loaded.unusable(), mirror.codeCount(),
                    mirror.subjectCount(), mirror.bytes() >> 20);
            return loaded.from();
        }, executor);
    }

    @Override
    public CompletionStage<String> check() {
        if (resumedFromDisk && health.freshness() == MirrorState.Freshness.LIVE) {
            resumedFromDisk = false; // caught up from the stream: from now on it is as if loaded from Redis
        }
        return storeCheck.run();
    }

    @Override
    public void reloaded(String reason) {
        marker.reloaded(reason);
    }

    @Override
    public void entry(StreamId id, Map<String, String> fields, boolean used) {
        rollback.entry(fields.get("n"));
        metrics.applied(used ? fields.get("type") : null, clock.millis() - id.millis());
    }

    @Override
    public void streamRegressed(StreamId newest, StreamId lastSeen) {
        if (resumedFromDisk) {
            // The stream does not reach back to the position on disk: reload and merge. Whether Redis went back
            // in time is the counter's to tell (the disk's highest against Redis's, at the next check).
            LOG.warn("change stream ends at {}, before {} of the mirror read from disk: reloading", newest, lastSeen);
            reloadDue = "gap";
        } else if (health.isStoreLost() && !health.isRolledBack()) {
            LOG.warn("change stream ends at {}, before {} read earlier: Redis lost its data (flagged)", newest,
                    lastSeen);
        } else {
            rollback.streamRegressed(newest, lastSeen);
        }
    }

    @Override
    public String takeReloadDue() {
        if (reloadDue != null) {
            String due = reloadDue;
            reloadDue = null;
            return due;
        }
        return rollback.takeReloadDue() ? "rollback" : null;
    }

    /** Returns where the mirror stands now, confirmed at {@code confirmedAt} (any thread may ask). */
    MirrorFile.Position position(StreamId stream, long confirmedAt) {
        return new MirrorFile.Position(marker.generation(), rollback.highest(), stream, confirmedAt);
    }

    @Override
    public String whileAway() {
        return "judging from the last mirror (" + mirror.codeCount() + " code ids, " + mirror.subjectCount()
                + " subjects), retrying";
    }
}
