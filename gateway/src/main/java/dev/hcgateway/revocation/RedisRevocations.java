package dev.hcgateway.revocation;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation store shared through Redis: a set and a hash in Redis, mirrored in memory by every gateway
 * and kept in step by one change stream (docs/revocation.md). Scans read the mirror only; writes go to Redis
 * and complete once Redis has them. While Redis is away the mirror keeps judging and says how stale it is.
 */
public final class RedisRevocations implements RevocationStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRevocations.class);

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
    private final StateDir stateDir;
    private final MirrorFile file;
    private volatile MirrorFile.Position disk;
    private volatile boolean diskRead;
    private volatile MirrorFollowing following;
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
        this.stateDir = stateDir;
        this.file = new MirrorFile(stateDir, config.uri(), config.keyPrefix());
        stateDir.every(writeIntervalSeconds, this::save);
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
        CompletionStage<Void> started = readDisk().thenCompose(x -> RedisChangeBus.open(config)).thenCompose(opened -> {
            bus = opened;
            writer = new RevocationWriter(opened.commands(), keys, config.streamMaxLength(), config.replicaAcks(),
                    config.replicaWaitMs());
            following = new MirrorFollowing(opened.commands(), keys, config, mirror, health, metrics, clock, executor,
                    newGeneration(), disk);
            follower = opened.follow(keys.changes(), routes, following, health, executor);
            return follower.start().thenRun(() -> disk = null); // from now on the position is the follower's
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

    /** Reads the mirror on disk once, before the first attempt to reach Redis, on the follower's thread. */
    private CompletionStage<Void> readDisk() {
        if (diskRead || !stateDir.keeps()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            if (!diskRead) {
                diskRead = true;
                disk = file.load(mirror);
                if (disk != null) {
                    health.loadedFromDisk(disk.confirmedAt());
                }
            }
        }, executor);
    }

    /** Writes the mirror to disk when it moved (on the state writer's thread). */
    private void save() {
        MirrorFile.Position position = position();
        if (position == null) {
            return;
        }
        try {
            file.save(mirror, position);
        } catch (java.io.IOException e) {
            LOG.warn("revocation mirror not written to {}: {}", stateDir.where(MirrorFile.MIRROR), e.toString());
        }
    }

    /** Returns where the mirror stands (taken before it is read), or null while nothing is loaded. */
    private MirrorFile.Position position() {
        if (!health.loaded()) {
            return null;
        }
        MirrorFile.Position fromDisk = disk;
        MirrorFollowing f = following;
        StreamFollower s = follower;
        if (fromDisk != null || f == null || s == null) {
            return fromDisk;
        }
        return f.position(s.position(), clock.millis() - health.lagMillis());
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
    public void export(java.io.OutputStream out) throws java.io.IOException {
        MirrorFile.Position position = position();
        if (position == null) {
            throw new IllegalStateException("revocation mirror not loaded: nothing to export");
        }
        RevocationLines.write(out, new RevocationLines.Header(position.generation(), position.counter(),
                position.stream().toString(), position.confirmedAt(), MirrorFile.identity(config.uri(),
                config.keyPrefix()), null, mirror.codeCount(), mirror.subjectCount()), mirror);
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
        stateDir.soon(this::save); // the last position, before the follower stops
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
