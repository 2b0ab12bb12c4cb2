package dev.hcgateway.revocation;

import dev.hcgateway.model.SubjectKey;

import dev.hcgateway.changes.ChangeRoutes;
import dev.hcgateway.changes.RedisChangeBus;
import dev.hcgateway.changes.StreamFollower;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.config.RedisConfig;
import dev.hcgateway.state.StateDir;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The revocation store shared through Redis: a set and a hash in Redis, mirrored in memory by every gateway
 * and kept in step by one change stream (docs/revocation.md). Scans read the mirror only; writes go to Redis
 * and complete once Redis has them. While Redis is away the mirror keeps judging and says how stale it is.
 */
public final class RedisRevocations implements RevocationStore {

    private final Vertx vertx;
    private final RedisConfig config;
    private final Clock clock;
    private final RedisKeys keys;
    private final Mirror mirror = new Mirror();
    private final MirrorHealth health;
    private final RevocationMetrics metrics;
    private final List<Consumer<List<SubjectKey>>> listeners = new CopyOnWriteArrayList<>();
    private final ChangeRoutes routes = new ChangeRoutes();
    private final ScheduledExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final StateDir stateDir;
    private final DiskMirror disk;
    private volatile RedisChangeBus bus;
    private volatile RevocationWriter writer;
    private volatile StreamFollower follower;

    /** Creates the store without a mirror on disk; nothing connects before {@link #start}. */
    public RedisRevocations(Vertx vertx, RedisConfig config, Clock clock, MeterRegistry registry) {
        this(vertx, config, StateDir.NONE, 10, clock, registry);
    }

    /**
     * Creates the store, keeping its mirror in {@code stateDir} (written every {@code writeIntervalSeconds} when it
     * moved, read at the first start); nothing connects before {@link #start}.
     */
    public RedisRevocations(Vertx vertx, RedisConfig config, StateDir stateDir, long writeIntervalSeconds, Clock clock,
                            MeterRegistry registry) {
        if (config.uri() == null) {
            throw new IllegalArgumentException("redis.uri is required");
        }
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.keys = RedisKeys.under(config.keyPrefix());
        this.health = new MirrorHealth(clock, config);
        this.metrics = new RevocationMetrics(registry, mirror, health);
        this.stateDir = stateDir;
        this.disk = new DiskMirror(stateDir, config.uri(), config.keyPrefix(), mirror, health, clock);
        stateDir.every(writeIntervalSeconds, disk::save);
        ChangeApplier.register(routes, mirror, listeners);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hc-revocation-follower");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Future<Void> start() {
        CompletionStage<Void> started = disk.readOnce(executor)
                .thenCompose(x -> RedisChangeBus.open(config))
                .thenCompose(this::follow)
                .handle((v, err) -> {
                    if (err == null) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
                    loadFailed(cause);
                    // Not followed: release what was opened; the caller tries again (RetryingStart does).
                    return release().thenCompose(x -> CompletableFuture.<Void>failedFuture(cause));
                }).thenCompose(f -> f);
        return Future.fromCompletionStage(started, vertx.getOrCreateContext());
    }

    /** Loads the mirror over a connected bus (or goes on from the disk's) and follows the stream. */
    private CompletionStage<Void> follow(RedisChangeBus opened) {
        bus = opened;
        writer = new RevocationWriter(opened.commands(), keys, config.streamMaxLength(), config.replicaAcks(),
                config.replicaWaitMs());
        MirrorFollowing following = new MirrorFollowing(opened.commands(), keys, config, mirror, health, metrics,
                clock, executor, newGeneration(), disk.readPosition());
        StreamFollower f = opened.follow(keys.changes(), routes, following, health, executor);
        follower = f;
        return f.start().thenRun(() -> disk.following(following, f));
    }

    /** Notes why a load failed: Redis answered without the marker, or did not answer. */
    private void loadFailed(Throwable cause) {
        if (cause instanceof MarkerWatch.MarkerMissing) {
            health.contact(); // Redis answered: "connected", with nothing to load
            health.loadFailed(cause.getMessage());
        } else {
            health.noContact();
            health.loadFailed("Redis unreachable: " + cause.getMessage());
        }
    }

    @Override
    public boolean isRevoked(HealthCode code) {
        return mirror.isRevoked(code);
    }

    @Override
    public Future<Void> revokeCode(byte[] codeId) {
        RevocationWriter w = writer;
        if (w == null || Fingerprints.ofCodeId(codeId) == 0) {
            return Future.failedFuture(new IllegalStateException(w == null ? "not started" : "not a code id"));
        }
        // Applied here at once as well: this gateway judges it revoked as soon as the admin call returns.
        return stored(w.revokeCode(HexFormat.of().formatHex(codeId)).thenRun(() -> mirror.addCode(codeId)));
    }

    @Override
    public Future<Void> revokeSubject(SubjectKey key, long issuedBefore) {
        RevocationWriter w = writer;
        if (w == null || issuedBefore < 0) {
            return Future.failedFuture(new IllegalStateException(w == null ? "not started" : "not an instant"));
        }
        return stored(w.revokeSubject(key, issuedBefore).thenRun(() -> mirror.addSubject(key, issuedBefore)));
    }

    @Override
    public Future<Void> publishInvalidation(String issuer, List<String> subjects) {
        RevocationWriter w = writer;
        List<SubjectKey> keys;
        try {
            keys = subjects.stream().map(s -> SubjectKey.of(issuer, s)).toList();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        if (w == null || keys.isEmpty()) {
            return Future.failedFuture(new IllegalStateException(w == null ? "not started" : "no subjects"));
        }
        // Every gateway, this one included, hears it from the stream; dropping a colour twice is harmless.
        return stored(w.invalidate(issuer, List.copyOf(subjects))
                .thenRun(() -> ChangeApplier.notifyListeners(listeners, keys)));
    }

    @Override
    public void export(java.io.OutputStream out) throws java.io.IOException {
        disk.export(out);
    }

    @Override
    public void forEachRevocation(Consumer<byte[]> codes, java.util.function.ObjLongConsumer<SubjectKey> subjects) {
        mirror.forEachCode(codes);
        mirror.forEachSubject(subjects);
    }

    @Override
    public long revision() {
        return mirror.changes();
    }

    @Override
    public void onInvalidation(Consumer<List<SubjectKey>> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean serving() {
        return health.serving();
    }

    @Override
    public MirrorState state() {
        return health.state((long) mirror.codeCount() + mirror.subjectCount());
    }

    @Override
    public Future<Void> close() {
        return Future.fromCompletionStage(shutdown(), vertx.getOrCreateContext());
    }

    private CompletionStage<Void> shutdown() {
        stateDir.soon(disk::save); // the last position, before the follower stops
        return release().whenComplete((v, err) -> executor.shutdownNow());
    }

    private CompletionStage<Void> release() {
        StreamFollower f = follower;
        if (f != null) {
            f.close();
        }
        RedisChangeBus b = bus;
        bus = null;
        writer = null;
        return b == null ? CompletableFuture.completedFuture(null) : b.close();
    }

    /** Returns a fresh random generation id for a marker this gateway may have to create at start. */
    private String newGeneration() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Future<Void> stored(CompletionStage<?> write) {
        // Fails with the WriteFailed itself, not a CompletionException around it: callers answer by its fault.
        return Future.fromCompletionStage(write.thenApply(x -> (Void) null), vertx.getOrCreateContext())
                .recover(err -> Future.failedFuture(WriteFailed.classify(err)));
    }

    /** Returns the change-stream routes, where other consumers (e.g. passback sightings) register their types. */
    public ChangeRoutes changes() {
        return routes;
    }

    /** Returns the exact heap size of the mirror's tables, for measurements. */
    long mirrorBytes() {
        return mirror.bytes();
    }

    /** Returns the mirror, for measurements in this package. */
    Mirror mirror() {
        return mirror;
    }
}
