package dev.hcgateway.revocation;

import dev.hcgateway.changes.FollowHooks;
import dev.hcgateway.changes.StreamId;
import dev.hcgateway.config.RedisConfig;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation store's part in following the change stream: at start the marker is read (or created) and the
 * mirror loaded from a snapshot; every stream-block period marker and counter are checked ({@link StoreCheck}):
 * flush and rollback are flagged; every entry's counter is watched ({@link RollbackWatch}). The transport itself
 * (reads, resuming, gaps, backoff) is {@link dev.hcgateway.changes.StreamFollower}'s.
 */
final class MirrorFollowing implements FollowHooks {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorFollowing.class);

    private final RedisAsyncCommands<String, String> redis;
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

    MirrorFollowing(RedisAsyncCommands<String, String> redis, RedisKeys keys, RedisConfig config, Mirror mirror,
                    MirrorHealth health, RevocationMetrics metrics, Clock clock, Executor executor,
                    String newGeneration) {
        this.redis = redis;
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
    }

    @Override
    public CompletionStage<StreamId> load(String reason) {
        if ("start".equals(reason)) {
            return marker.initial(redis, config.requireMarker()).thenComposeAsync(generation -> {
                marker.loaded(generation);
                return snapshot(reason);
            }, executor);
        }
        return snapshot(reason);
    }

    private CompletionStage<StreamId> snapshot(String reason) {
        long startedAt = clock.millis();
        long began = System.nanoTime();
        metrics.resynced(reason);
        return storeCheck.beforeLoad(reason).thenCompose(v -> loader.load(mirror, executor)).thenApplyAsync(loaded -> {
            health.contact();
            health.confirmed(startedAt);
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
        rollback.streamRegressed(newest, lastSeen);
    }

    @Override
    public String takeReloadDue() {
        return rollback.takeReloadDue() ? "rollback" : null;
    }

    @Override
    public String whileAway() {
        return "judging from the last mirror (" + mirror.codeCount() + " code ids, " + mirror.subjectCount()
                + " subjects), retrying";
    }
}
