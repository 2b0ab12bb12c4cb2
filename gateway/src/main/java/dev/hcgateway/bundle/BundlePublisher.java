package dev.hcgateway.bundle;

import dev.hcgateway.config.OfflineConfig;
import dev.hcgateway.gate.BundlePublicKey;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.truststore.TrustStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the offline bundle from a cache: one bundle, rebuilt on a worker when the revocation mirror or the trust
 * list changed since it was built (at most every {@code offline.minRebuildSeconds}), or when a quarter of its
 * validity has passed (so a gate always gets one with hours to go). Concurrent requests for a stale bundle wait for
 * one build, never start several. Without a bundle key it is {@link #unconfigured}: both offline routes answer 503
 * offline_not_configured.
 */
public final class BundlePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(BundlePublisher.class);

    private final Vertx vertx;
    private final BundleBuilder builder;
    private final BundleKey key;
    private final TrustStore trust;
    private final RevocationStore revocations;
    private final Clock clock;
    private final long rebuildAfterSeconds;
    private final long minRebuildSeconds;
    private final Timer buildTime;
    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private volatile BuiltBundle cached;
    private volatile long bytes;
    private Future<BuiltBundle> building;

    private BundlePublisher(Vertx vertx, BundleBuilder builder, BundleKey key, TrustStore trust,
                            RevocationStore revocations, Clock clock, OfflineConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.builder = builder;
        this.key = key;
        this.trust = trust;
        this.revocations = revocations;
        this.clock = clock;
        this.rebuildAfterSeconds = Math.max(1, config.validSeconds() / 4);
        this.minRebuildSeconds = Math.min(config.minRebuildSeconds(), rebuildAfterSeconds);
        this.registry = registry;
        this.buildTime = Timer.builder("hc.offline.bundle.build").description("Time to build and sign an offline bundle")
                .register(registry);
        Gauge.builder("hc.offline.bundle.bytes", this, p -> p.bytes)
                .description("Size of the offline bundle last built").register(registry);
    }

    /** Returns a publisher that signs with {@code key} the bundles {@code builder} makes, on {@code vertx}'s workers. */
    public static BundlePublisher of(Vertx vertx, BundleBuilder builder, BundleKey key, TrustStore trust,
                                     RevocationStore revocations, Clock clock, OfflineConfig config,
                                     MeterRegistry registry) {
        return new BundlePublisher(vertx, builder, key, trust, revocations, clock, config, registry);
    }

    /** Returns the publisher of a gateway without a bundle key: it serves nothing. */
    public static BundlePublisher unconfigured(MeterRegistry registry) {
        return new BundlePublisher(null, null, null, null, null, null, new OfflineConfig(null, 21_600, 0, 0), registry);
    }

    /** Tells whether a bundle key is configured. */
    public boolean configured() {
        return key != null;
    }

    /** Returns the bundle key's public half; only when {@link #configured()}. */
    public BundlePublicKey publicKey() {
        return key.publicKey();
    }

    /** Returns the bundle of what is held now: the cached one while current, else one built on a worker. */
    public Future<BuiltBundle> bundle() {
        BuiltBundle b = cached;
        if (b != null && current(b)) {
            return Future.succeededFuture(b);
        }
        synchronized (this) {
            if (building != null) {
                return building;
            }
            // Set before the build starts: a build that completes at once (on this very thread) finds it to clear.
            Promise<BuiltBundle> promise = Promise.promise();
            building = promise.future();
            long start = System.nanoTime();
            vertx.executeBlocking(builder::build, false).onComplete(ar -> {
                if (ar.succeeded()) {
                    long nanos = System.nanoTime() - start;
                    buildTime.record(nanos, TimeUnit.NANOSECONDS);
                    bytes = ar.result().bytes().length;
                    cached = ar.result(); // before the build is forgotten: no request starts another meanwhile
                    LOG.info("offline bundle built: {} bytes in {} ms", bytes, nanos / 1_000_000);
                } else {
                    LOG.error("offline bundle not built: {}", ar.cause().toString());
                }
                synchronized (this) {
                    building = null;
                }
                promise.handle(ar);
            });
            return promise.future();
        }
    }

    /** Counts a request by the status it was answered with. */
    public void answered(int status) {
        requests.computeIfAbsent(Integer.toString(status), s -> Counter.builder("hc.offline.bundle.requests")
                .tag("status", s).description("Offline bundle requests by answer status").register(registry))
                .increment();
    }

    /** Tells whether the bundle may still be served: younger than the rebuild floor, or unchanged and not old. */
    private boolean current(BuiltBundle b) {
        long age = clock.instant().getEpochSecond() - b.issuedAt();
        boolean changed = b.revision() != revocations.revision() || b.trust() != trust.current();
        return age < minRebuildSeconds || (!changed && age < rebuildAfterSeconds);
    }
}
