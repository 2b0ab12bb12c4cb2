package dev.hcgateway.revocation;

import dev.hcgateway.changes.ChangeRoutes;
import dev.hcgateway.changes.RedisChangeBus;
import dev.hcgateway.changes.StreamFollower;
import dev.hcgateway.model.HealthCode;
import dev.hcgateway.config.RedisConfig;
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
    private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ChangeRoutes routes = new ChangeRoutes();
    private final ScheduledExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private volatile RedisChangeBus bus;
    private volatile RevocationWriter writer;
    private volatile StreamFollower follower;

    /** Creates the store; nothing connects before {@link #start}. */
    public RedisRevocations(Vertx vertx, RedisConfig config, Clock clock, MeterRegistry registry) {
        if (config.uri() == null) {
            throw new IllegalArgumentException("redis.uri is required");
        }
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.keys = RedisKeys.under(config.keyPrefix());
        this.health = new MirrorHealth(clock, config);
        this.metrics = new RevocationMetrics(registry, mirror, health);
        ChangeApplier.register(routes, mirror, listeners);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hc-revocation-follower");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Future<Void> start() {
        CompletionStage<Void> started = RedisChangeBus.open(config).thenCompose(opened -> {
            bus = opened;
            writer = new RevocationWriter(opened.commands(), keys, config.streamMaxLength(), config.replicaAcks(),
                    config.replicaWaitMs());
            follower = opened.follow(keys.changes(), routes, new MirrorFollowing(opened.commands(), keys, config,
                    mirror, health, metrics, clock, executor, newGeneration()), health, executor);
            return follower.start();
        }).handle((v, err) -> {
            if (err == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException ? err.getCause() : err;
            loadFailed(cause);
            // Nothing to judge by: release what was opened; the caller may try again (GatewayVerticle does).
            return release().thenCompose(x -> CompletableFuture.<Void>failedFuture(cause));
        }).thenCompose(f -> f);
        return Future.fromCompletionStage(started, vertx.getOrCreateContext());
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
    public Future<Void> revokeSubject(String subject, long issuedBefore) {
        RevocationWriter w = writer;
        if (w == null || !ChangeEvent.validSubject(subject) || issuedBefore < 0) {
            return Future.failedFuture(new IllegalStateException(w == null ? "not started" : "not a subject"));
        }
        return stored(w.revokeSubject(subject, issuedBefore).thenRun(() -> mirror.addSubject(subject, issuedBefore)));
    }

    @Override
    public Future<Void> publishInvalidation(List<String> subjects) {
        RevocationWriter w = writer;
        if (w == null || subjects.isEmpty() || !subjects.stream().allMatch(ChangeEvent::validSubject)) {
            return Future.failedFuture(new IllegalStateException(w == null ? "not started" : "not subjects"));
        }
        // Every gateway, this one included, hears it from the stream; dropping a colour twice is harmless.
        return stored(w.invalidate(List.copyOf(subjects))
                .thenRun(() -> ChangeApplier.notifyListeners(listeners, subjects)));
    }

    @Override
    public void onInvalidation(Consumer<List<String>> listener) {
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
