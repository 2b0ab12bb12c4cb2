package dev.hcgateway;

import dev.hcgateway.bundle.BundleBuilder;
import dev.hcgateway.bundle.BundleKey;
import dev.hcgateway.bundle.BundlePublisher;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.colour.OnlineColours;
import dev.hcgateway.colour.RedMemory;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.http.Admission;
import dev.hcgateway.http.CertificateExpiry;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.http.HttpServerVerticle;
import dev.hcgateway.http.Readiness;
import dev.hcgateway.http.edge.RateLimits;
import dev.hcgateway.http.warmup.Warmup;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.pipeline.CryptoPlacement;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.config.PassbackConfig;
import dev.hcgateway.passage.Places;
import dev.hcgateway.passback.FleetSightings;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.passback.PersonKeys;
import dev.hcgateway.passback.SightingShare;
import dev.hcgateway.passback.Sightings;
import dev.hcgateway.config.VerifyConfig;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.revocation.RedisRevocations;
import dev.hcgateway.revocation.RetryingStart;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.state.StateDir;
import dev.hcgateway.trust.TrustListParser;
import dev.hcgateway.truststore.TrustStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the gateway: crypto provider, trust list, revocation mirror, colour stage and pipeline, then one
 * HTTP server verticle per instance, then the warm-up ({@link Warmup}) that readiness waits for. Undeploying it
 * shuts down gracefully: readiness fails first, servers drain, then clients close.
 */
public final class GatewayVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

    private final GatewayConfig config;
    private final Clock clock;
    private final PrometheusMeterRegistry registry;
    private final List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
    private TrustStore trust;
    private RevocationStore revocations;
    private RetryingStart revocationStart;
    private ColourService colours;
    private Readiness readiness;
    private ImageScanner images;
    private Passages passages;
    private FleetSightings fleetSightings;
    private StateDir stateDir;
    private RedMemory reds;
    private BundleKey bundleKey;

    /** Creates the gateway for a configuration, a clock and the registry that {@code /metrics} exposes. */
    public GatewayVerticle(GatewayConfig config, Clock clock, PrometheusMeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Returns the Vert.x options of the gateway: Netty's native epoll transport where it loads (the Linux x86_64
     * and aarch64 libraries are in the jar), else NIO, to which Vert.x falls back by itself.
     */
    public static VertxOptions vertxOptions() {
        return new VertxOptions().setPreferNativeTransport(true);
    }

    @Override
    public Future<?> start() {
        // Loading the native crypto provider and ImageIO's plugin registry takes seconds on a contended CPU:
        // a worker does it, so the event loop (and the blocked-thread checker) never waits on it.
        return vertx.executeBlocking(this::loadVerifier, false)
                .compose(verifiers -> vertx.executeBlocking(this::readBundleKey, false).map(verifiers))
                .compose(this::assemble);
    }

    /** Reads the offline bundle key when one is configured (a file: off the event loop); a bad file fails the start. */
    private Void readBundleKey() throws java.io.IOException {
        String file = config.offline().bundleKey();
        if (file != null) {
            bundleKey = BundleKey.read(java.nio.file.Path.of(file));
            LOG.info("offline bundles signed by key {}", bundleKey.publicKey().kidText());
        }
        return null;
    }

    /** Returns the offline bundle's publisher: over the bundle key when one is configured, else one serving nothing. */
    private BundlePublisher offline() {
        if (bundleKey == null) {
            return BundlePublisher.unconfigured(registry);
        }
        return BundlePublisher.of(vertx, new BundleBuilder(config, trust, revocations, bundleKey, clock), bundleKey,
                trust, revocations, clock, config.offline(), registry);
    }

    /** Loads the crypto provider and ImageIO (blocking, class loading and native code); returns the verifiers. */
    private SignatureVerifiers loadVerifier() {
        CryptoProvider crypto = CryptoProvider.select(config.verify().nativeCrypto());
        if (crypto.nativeCode()) {
            LOG.info("ES256 verify provider: {} (native)", crypto.name());
        } else {
            LOG.warn("ES256 verify provider: {} (JDK fallback, ~20x slower): {}", crypto.name(), crypto.fallbackWhy());
        }
        ImageScanner.loadImageIo();
        return new SignatureVerifiers(crypto);
    }

    /** Builds the stages on the event loop (clients bind to its context) and deploys the servers. */
    private Future<?> assemble(SignatureVerifiers verifiers) {
        CryptoProvider crypto = verifiers.provider();
        GatewayMetrics metrics = new GatewayMetrics(registry);
        Gauge.builder("hc.crypto.native", crypto, c -> c.nativeCode() ? 1 : 0)
                .description("1 while ES256 verifies on the native provider, 0 on the JDK fallback (~20x the CPU)")
                .register(registry);
        CertificateExpiry.register(config.http().tls(), clock, registry);
        trust = new TrustStore(new TrustListParser(crypto.ecKeyFactory()), config.trust().file(),
                config.trust().anchorKey(), registry);
        stateDir = StateDir.open(config.state().dir()).measured(registry);
        revocations = revocationStore();
        revocationStart = new RetryingStart(vertx, revocations, config.redis().reconnectMaxDelayMs());
        colours = colourService();
        revocations.onInvalidation(colours::invalidateLocal);
        reds = new RedMemory(stateDir, colours, clock);
        stateDir.every(config.state().writeIntervalSeconds(), reds::save);
        Pipelines pipelines = new Pipelines(config, clock, verifiers, revocations,
                config.verify().offloadCrypto() ? CryptoPlacement.workers(vertx) : CryptoPlacement.INLINE);
        VerifyPipeline pipeline = pipelines.build(trust, colours, verifiedCodes(config.verify().verifiedCodeCache()));
        // Minting the warm-up's codes signs hundreds of them: a worker's job.
        return vertx.executeBlocking(() -> Warmup.create(config, clock, crypto.nativeCode() ? crypto.provider() : null,
                        warmupTrust -> pipelines.build(warmupTrust, new SnapshotColours(clock), VerifiedCodes.off())),
                        false)
                .otherwise(e -> {
                    LOG.warn("no warm-up (its key or codes could not be made): {}", e.toString());
                    return Warmup.NONE;
                })
                .compose(warmup -> serve(pipeline, warmup, metrics));
    }

    /** Starts the stages, deploys the servers, then starts the warm-up (not awaited: readiness waits for it). */
    private Future<?> serve(VerifyPipeline pipeline, Warmup warmup, GatewayMetrics metrics) {
        Sightings sightings = sightings();
        SightingShare share = sightingShare(sightings);
        readiness = new Readiness(trust, revocations, colours, share, warmup);
        images = new ImageScanner(vertx, config.image(), registry);
        ApiServices services = new ApiServices(config, pipeline, revocations, colours, metrics, readiness,
                new Admission(config.http().maxInFlight(), config.http().maxConnections(),
                        config.http().maxConnectionsPerAddress(), registry),
                registry::scrape, images, passages = new Passages(vertx, config, clock, registry), passback(sightings, share),
                new RateLimits(config, registry, clock), warmup, offline());
        int instances = config.http().instances() > 0 ? config.http().instances()
                : Runtime.getRuntime().availableProcessors();
        return trust.start(vertx, config.trust().reloadIntervalMs())
                .compose(v -> vertx.executeBlocking(() -> {
                    reds.restore();
                    return null;
                }, false))
                // A Redis that is slow or away at start delays readiness, not the start.
                .compose(v -> revocationStart.start())
                .onSuccess(v -> startSightings())
                .compose(v -> passages.start())
                .compose(v -> vertx.deployVerticle(() -> {
                    HttpServerVerticle server = new HttpServerVerticle(services);
                    servers.add(server);
                    return server;
                }, new DeploymentOptions().setInstances(instances)))
                .onSuccess(id -> LOG.info("gateway listening on {}:{} with {} event loops; revocations: {}; colours: {}",
                        config.http().host(), port(), instances, revocations.state().mode(),
                        colours.online() ? "authoritative store" : "offline (signed snapshot)"))
                .onSuccess(id -> warmup.run(vertx, config, port(), revocations::serving))
                // A failed start is never stopped by Vert.x: release what was opened, or connections leak.
                .onFailure(e -> closeClients());
    }

    private RevocationStore revocationStore() {
        if (config.redis().uri() != null) {
            return new RedisRevocations(vertx, config.redis(), stateDir, config.state().writeIntervalSeconds(), clock,
                    registry);
        }
        LOG.warn("no Redis configured (HC_REDIS_URI): revocations live in this process only and are lost at restart");
        return new LocalRevocations();
    }

    private ColourService colourService() {
        if (config.authority().online()) {
            return new OnlineColours(vertx, config, clock, registry);
        }
        return new SnapshotColours(clock);
    }

    @Override
    public Future<?> stop() {
        // Fail readiness before the servers drain, so load balancers stop sending while in-flight requests end.
        readiness.shutdown();
        // Child server verticles are undeployed (and drained) by Vert.x before this runs.
        return closeClients();
    }

    private Future<Void> closeClients() {
        revocationStart.stop();
        trust.close();
        stateDir.soon(reds::save);
        Future<Void> passagesClosed = passages == null ? Future.succeededFuture() : passages.close();
        Future<Void> sightingsClosed = fleetSightings == null ? Future.succeededFuture()
                : Future.fromCompletionStage(fleetSightings.close());
        return Future.join(colours.close(), revocations.close(), images.close(), passagesClosed, sightingsClosed)
                .eventually(() -> vertx.executeBlocking(() -> {
                    stateDir.close(); // after the last writes the stages asked for
                    return null;
                }, false)).mapEmpty();
    }

    /** Returns the port the servers listen on. */
    public int port() {
        return servers.isEmpty() ? -1 : servers.get(0).port();
    }

    /** Builds the sightings map, its windows the longest of any scene, bounded by {@code passback.maxPeople}. */
    private Sightings sightings() {
        long seconds = 0;
        long rescan = 0;
        for (PassbackConfig rule : config.passback().values()) {
            seconds = Math.max(seconds, rule.seconds());
            rescan = Math.max(rescan, rule.rescanSeconds());
        }
        return new Sightings(config.sightings().maxPeople(), Math.max(1, seconds), Math.max(1, rescan), clock);
    }

    /** Shares passes with the fleet over Redis when there is one; else detection is per gateway. */
    private SightingShare sightingShare(Sightings sightings) {
        if (config.redis().uri() == null) {
            return SightingShare.LOCAL;
        }
        fleetSightings = new FleetSightings(config.redis(), config.sightings(), sightings, clock, registry);
        return fleetSightings;
    }

    /** Starts sharing sightings; never awaited: a Redis away makes passback per gateway, not the gateway unready. */
    private void startSightings() {
        if (fleetSightings != null) {
            fleetSightings.start();
        }
    }

    /** Builds passback over the scenes' rules and the places map (docs/passages.md). */
    private Passback passback(Sightings sightings, SightingShare share) {
        return new Passback(config.passback(), new Places(config.places()), sightings,
                new PersonKeys(config.sightings().sightingKey()), share, clock, registry);
    }

    private VerifiedCodes verifiedCodes(VerifyConfig.VerifiedCodeCache cache) {
        return cache.maxEntries() == 0 ? VerifiedCodes.off()
                : new VerifiedCodes(cache.maxEntries(), cache.ttlSeconds(), clock, registry);
    }
}
