package dev.hcgateway.http.warmup;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.Scene;
import dev.hcgateway.pipeline.VerifyPipeline;
import dev.hcgateway.trust.TrustList;
import dev.hcgateway.truststore.TrustStore;
import dev.hcgateway.trust.TrustedKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Warms the gateway up before it reports ready: it judges synthetic codes of a throwaway issuer key of its own
 * through the whole path (the HTTP server and edge, decode, ES256, trust, revocation, policy, the answer's JSON)
 * by real requests to itself over loopback, until the JIT has compiled that path or {@code http.warmupSeconds}
 * have passed. Its requests carry a per-process secret header; the edge judges them with a pipeline that trusts
 * only the throwaway key and records, counts and rate-limits nothing. Any other request is judged as usual
 * during the warm-up too (not shed by queue delay, which a cold JIT inflates), and the warm-up holds back its own
 * requests while such requests arrive.
 */
public final class Warmup {

    /** No warm-up: ready as soon as the rest is, recognizing no request. */
    public static final Warmup NONE = new Warmup();
    /** The header that carries the secret of the gateway's own synthetic requests. */
    static final String HEADER = "hc-warmup";
    private static final String ISSUER = "WARMUP";
    /** Synthetic codes minted at start (each used again and again: the warm-up pipeline caches none). */
    private static final int CODES = 512;
    /** How long after someone else's request the warm-up holds back its own. */
    static final long YIELD_NANOS = 100_000_000L;

    private final String token;
    private final VerifyPipeline pipeline;
    private final List<String> codes;
    private final String scene;
    private final long seconds;
    private volatile boolean done;
    /** When a request of someone else's was last read ({@link System#nanoTime}): the warm-up makes way for it. */
    private volatile long servedAt = System.nanoTime() - YIELD_NANOS;
    private volatile JsonObject report = new JsonObject().put("done", false);

    private Warmup() {
        this.token = null;
        this.pipeline = null;
        this.codes = List.of();
        this.scene = null;
        this.seconds = 0;
        this.done = true;
        this.report = new JsonObject().put("done", true).put("skipped", true);
    }

    private Warmup(String token, VerifyPipeline pipeline, List<String> codes, String scene, long seconds) {
        this.token = token;
        this.pipeline = pipeline;
        this.codes = codes;
        this.scene = scene;
        this.seconds = seconds;
    }

    /**
     * Builds the warm-up of a gateway: mints {@link #CODES} green codes of a fresh key (signed on
     * {@code signer}, null for the JDK's) and a pipeline trusting only that key, made by {@code pipelines}.
     * Blocking (key generation, signing): call it off the event loop.
     */
    public static Warmup create(GatewayConfig config, Clock clock, Provider signer,
                                Function<TrustStore, VerifyPipeline> pipelines) throws GeneralSecurityException {
        if (config.http().warmupSeconds() == 0) {
            return NONE;
        }
        IssuerKey key = IssuerKey.generate(ISSUER);
        // Its own registry: the throwaway trust store's meters never reach /metrics.
        TrustStore trust = TrustStore.fixed(TrustList.of(List.of(new TrustedKey(TrustedKey.kidOf(key.kid()), ISSUER,
                key.publicKey())), "warm-up"), new SimpleMeterRegistry());
        CodeMinter minter = new CodeMinter(key, signer);
        SecureRandom random = new SecureRandom();
        long now = clock.millis() / 1000;
        List<String> codes = new ArrayList<>(CODES);
        for (int i = 0; i < CODES; i++) {
            codes.add(minter.mint(CodeClaims.typical(ISSUER, "warmup-" + i, Colour.GREEN, now,
                    config.http().warmupSeconds() + 600L, random)));
        }
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        return new Warmup(HexFormat.of().formatHex(secret), pipelines.apply(trust), codes, sceneFor(config),
                config.http().warmupSeconds());
    }

    /** Returns the default scene, or one that accepts the throwaway issuer when the default names its issuers. */
    private static String sceneFor(GatewayConfig config) {
        String fallback = config.verify().defaultScene();
        if (config.scene(fallback).accepts(ISSUER)) {
            return fallback;
        }
        return config.scenes().values().stream().filter(s -> s.accepts(ISSUER)).map(Scene::name).findFirst()
                .orElse(fallback);
    }

    /** Tells whether a request is one of the warm-up's own; only while it runs (a header read, no more). */
    public boolean recognizes(HttpServerRequest request) {
        return !done && token.equals(request.getHeader(HEADER));
    }

    /** Notes a request of someone else's read at {@code nanos}, while the warm-up runs. */
    public void served(long nanos) {
        servedAt = nanos;
    }

    /** Tells whether someone else's request was read within the last {@link #YIELD_NANOS}. */
    boolean othersServed() {
        return System.nanoTime() - servedAt < YIELD_NANOS;
    }

    /** Returns the pipeline the warm-up's requests are judged by. */
    public VerifyPipeline pipeline() {
        return pipeline;
    }

    /** Tells whether the warm-up is over (or there is none): readiness waits for it. */
    public boolean done() {
        return done;
    }

    /** Returns the warm-up's part of the readiness report. */
    public JsonObject report() {
        return report;
    }

    /**
     * Runs the warm-up against the gateway's own port once {@code mirrorServing} holds (its requests are judged
     * against the revocation mirror too); completes when it is over, never failing: a warm-up that cannot run
     * leaves the gateway ready but cold, and says so in the log.
     */
    public Future<Void> run(Vertx vertx, GatewayConfig config, int port, BooleanSupplier mirrorServing) {
        if (done) {
            return Future.succeededFuture();
        }
        report = new JsonObject().put("done", false).put("running", true);
        return new WarmupRun(vertx, config, port, token, codes, scene, seconds, mirrorServing, this::othersServed).run()
                .map(result -> {
                    report = result.put("done", true);
                    done = true;
                    return null;
                });
    }
}
