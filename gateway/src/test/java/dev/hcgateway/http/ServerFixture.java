package dev.hcgateway.http;

import dev.hcgateway.Pipelines;
import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.crypto.SignatureVerifiers;
import dev.hcgateway.http.edge.RateLimits;
import dev.hcgateway.http.warmup.Warmup;
import dev.hcgateway.model.Colour;
import dev.hcgateway.passage.Passages;
import dev.hcgateway.passage.Places;
import dev.hcgateway.passback.Passback;
import dev.hcgateway.passback.Sightings;
import dev.hcgateway.pipeline.CryptoPlacement;
import dev.hcgateway.pipeline.VerifiedCodes;
import dev.hcgateway.colour.ColourService;
import dev.hcgateway.colour.SnapshotColours;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.metrics.GatewayMetrics;
import dev.hcgateway.metrics.Telemetry;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.revocation.LocalRevocations;
import dev.hcgateway.revocation.RevocationStore;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import dev.hcgateway.truststore.TrustStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway edge for tests: a Vert.x with production metrics, the real pipeline over the test trust list,
 * and {@link HttpServerVerticle}s on a free port. The colour stage, revocation store and trust store can be
 * swapped, so a test can hold requests in flight or report a degraded mirror.
 */
final class ServerFixture implements AutoCloseable {

    static final long NOW = TestData.VECTORS_NOW;

    final PrometheusMeterRegistry registry = Telemetry.registry();
    final Vertx vertx = Telemetry.vertx(registry, new VertxOptions());
    final MutableClock clock = new MutableClock(NOW);
    final List<HttpServerVerticle> servers = new CopyOnWriteArrayList<>();
    // Shedding by loop lateness is off unless a test sets it: on a shared CI machine a loop can run late for
    // reasons of its own (other builds, a GC), and a test of something else must not see a 503 for it.
    final Map<String, Object> overrides = new HashMap<>(Map.of("http.port", 0, "http.host", "127.0.0.1",
            "http.shedQueueMs", 60_000));
    ColourService colours = new SnapshotColours(clock);
    RevocationStore revocations = new LocalRevocations();
    TrustStore trust;
    ApiServices services;
    String deployment;
    private final SplittableRandom random = new SplittableRandom(7);

    /** Sets a configuration key ({@code section.key}) before {@link #start}. */
    ServerFixture with(String key, Object value) {
        overrides.put(key, value);
        return this;
    }

    /** Builds the services and deploys {@code instances} server verticles; returns the bound port. */
    int start(int instances) throws Exception {
        GatewayConfig config = new ConfigLoader().defaultsWith(overrides);
        CryptoProvider crypto = CryptoProvider.select(true);
        if (trust == null) {
            trust = TrustStore.fixed(TestData.trustList(crypto), registry);
        }
        VerifyPipeline pipeline = new Pipelines(config, clock, new SignatureVerifiers(crypto), revocations,
                CryptoPlacement.INLINE).build(trust, colours, VerifiedCodes.off());
        // No journal and no passback rules: passages record nothing and passback changes nothing here.
        services = new ApiServices(config, pipeline, revocations, colours, new GatewayMetrics(registry),
                new Readiness(trust, revocations, colours),
                new Admission(config.http().maxInFlight(), config.http().maxConnections(),
                        config.http().maxConnectionsPerAddress(), registry), registry::scrape,
                new dev.hcgateway.image.ImageScanner(vertx, config.image(), registry),
                new Passages(vertx, config, clock, registry),
                new Passback(Map.of(), new Places(Map.of()), new Sightings(1000, 1, 1, clock), clock, registry),
                new RateLimits(config, registry, clock), Warmup.NONE);
        deployment = vertx.deployVerticle(() -> {
            HttpServerVerticle server = new HttpServerVerticle(services);
            servers.add(server);
            return server;
        }, new DeploymentOptions().setInstances(instances)).await(10, TimeUnit.SECONDS);
        return servers.get(0).port();
    }

    /** Mints a valid green code of a subject, issued at {@link #NOW}. */
    String code(String subject) {
        return TestData.minter("330100").mint(CodeClaims.typical("330100", subject, Colour.GREEN, NOW, 3600, random));
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(15, TimeUnit.SECONDS);
    }
}
