package dev.hcgateway.loadtest.simulations;

import dev.hcgateway.crypto.CryptoProvider;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.loadtest.authority.AuthoritySimulator;
import dev.hcgateway.loadtest.authority.LatencyModel;
import dev.hcgateway.loadtest.authority.SimulatorConfig;
import dev.hcgateway.loadtest.gateway.InProcessGateway;
import dev.hcgateway.loadtest.pool.CodePool;
import dev.hcgateway.loadtest.pool.CodePoolGenerator;
import dev.hcgateway.loadtest.pool.PoolEntry;
import dev.hcgateway.loadtest.pool.PoolGenerator;
import dev.hcgateway.loadtest.pool.PoolMix;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Everything a simulation runs against: the code pool (read or minted), and either a remote gateway or an
 * in-process one with the store simulator beside it (so CI needs nothing else). Built before the injection
 * starts, closed in the simulation's {@code after()}.
 */
public final class Stack {

    private final CodePool pool;
    private final PoolGenerator generator;
    private final String gatewayUrl;
    private final String storeControlUrl;
    private final String adminToken;
    private final boolean online;
    private final InProcessGateway gateway;
    private final Vertx storeVertx;
    private final AuthoritySimulator simulator;

    private Stack(CodePool pool, PoolGenerator generator, String gatewayUrl, String storeControlUrl, String adminToken,
                  boolean online, InProcessGateway gateway, Vertx storeVertx, AuthoritySimulator simulator) {
        this.pool = pool;
        this.generator = generator;
        this.gatewayUrl = gatewayUrl;
        this.storeControlUrl = storeControlUrl;
        this.adminToken = adminToken;
        this.online = online;
        this.gateway = gateway;
        this.storeVertx = storeVertx;
        this.simulator = simulator;
    }

    /** Builds the stack from the {@code hc.*} properties; {@code defaultPoolSize} when hc.pool.size is not set. */
    public static Stack start(int defaultPoolSize) throws Exception {
        return start(defaultPoolSize, false);
    }

    /**
     * Builds the stack; {@code withBundle}: an in-process gateway serves the offline bundle, signed by
     * {@code hc.offline.bundleKey} or else by a throwaway key written to the work directory.
     */
    public static Stack start(int defaultPoolSize, boolean withBundle) throws Exception {
        Path work = Files.createDirectories(Path.of(LoadParams.string("hc.workDir", "target/hc-stack")));
        String remote = LoadParams.string("hc.gatewayUrl", "");
        String issuer = LoadParams.string("hc.pool.issuer", CodePoolGenerator.DEFAULT_ISSUER);
        String keyFile = LoadParams.string("hc.pool.key", "");
        String poolFile = LoadParams.string("hc.pool.file", "");
        if (!remote.isEmpty() && keyFile.isEmpty() && poolFile.isEmpty()) {
            throw new IllegalStateException("a remote gateway must trust the pool's issuer: pass -Dhc.pool.key (or "
                    + "-Dhc.pool.file) made by the pool generator, whose trust.json the gateway loads");
        }
        IssuerKey key = keyFile.isEmpty() ? IssuerKey.generate(issuer) : IssuerKey.read(Path.of(keyFile), issuer);
        CryptoProvider crypto = CryptoProvider.select(true);
        PoolGenerator generator = poolFile.isEmpty() || !keyFile.isEmpty()
                ? new PoolGenerator(new CodeMinter(key, crypto.nativeCode() ? crypto.provider() : null),
                PoolMix.parse(LoadParams.string("hc.pool.mix", PoolMix.DEFAULT)), Clock.systemUTC(),
                ThreadLocalRandom.current().nextLong())
                : null;
        CodePool pool;
        if (poolFile.isEmpty()) {
            int size = LoadParams.integer("hc.pool.size", defaultPoolSize);
            long t0 = System.nanoTime();
            pool = generator.generate(size, Runtime.getRuntime().availableProcessors());
            System.out.printf("[stack] minted %d codes in %.2f s %s%n", size, (System.nanoTime() - t0) / 1e9, pool.counts());
        } else {
            pool = CodePool.read(Path.of(poolFile));
        }
        if (!remote.isEmpty()) {
            awaitReady(remote);
            return new Stack(pool, generator, remote, emptyToNull(LoadParams.string("hc.authority.control", "")),
                    LoadParams.string("hc.adminToken", ""), !LoadParams.string("hc.authority.control", "").isEmpty(),
                    null, null, null);
        }
        CodePoolGenerator.writeIssuer(key, work);
        String authority = LoadParams.string("hc.authority", "simulator");
        Vertx storeVertx = null;
        AuthoritySimulator simulator = null;
        String authorityUrl = "";
        String control = null;
        if (authority.equals("simulator")) {
            storeVertx = Vertx.vertx();
            simulator = new AuthoritySimulator(SimulatorConfig.defaults().withLatency(
                    LatencyModel.parse(LoadParams.string("hc.authority.latency", "lognormal:3,25"))), Clock.systemUTC());
            await(storeVertx.deployVerticle(simulator));
            authorityUrl = simulator.url();
            control = simulator.controlUrl();
        } else if (!authority.equals("offline")) {
            authorityUrl = authority;
            control = emptyToNull(LoadParams.string("hc.authority.control", ""));
        }
        String token = LoadParams.string("hc.adminToken", "lt-" + HexFormat.of().formatHex(
                ThreadLocalRandom.current().ints(16, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                        java.io.ByteArrayOutputStream::write, (a, b) -> { }).toByteArray()));
        Map<String, Object> config = new HashMap<>();
        config.put("trust.file", work.resolve("trust.json").toAbsolutePath().toString());
        config.put("authority.url", authorityUrl);
        config.put("admin.token", token);
        config.put("http.instances", LoadParams.integer("hc.instances", 1));
        // Passages: journalled under the work directory, grouped by station; shipped when -Dhc.passagesUrl is set.
        config.put("places", Stations.places());
        config.put("passages.journal", work.resolve("passages").toAbsolutePath().toString());
        String passagesUrl = LoadParams.string("hc.passagesUrl", "");
        if (!passagesUrl.isEmpty()) {
            config.put("passages.url", passagesUrl);
        }
        // The offline bundle's signing key: given, or a throwaway one for the runs that poll the bundle, so that
        // the other runs configure nothing of it.
        String bundleKey = LoadParams.string("hc.offline.bundleKey", "");
        if (bundleKey.isEmpty() && withBundle) {
            bundleKey = throwawayBundleKey(work).toString();
        }
        if (!bundleKey.isEmpty()) {
            config.put("offline.bundleKey", bundleKey);
        }
        InProcessGateway gateway = await(InProcessGateway.start(config));
        System.out.println("[stack] in-process gateway " + gateway.url() + ", store "
                + (authorityUrl.isEmpty() ? "none (offline mode)" : authorityUrl));
        awaitReady(gateway.url());
        Stack stack = new Stack(pool, generator, gateway.url(), control, token, !authorityUrl.isEmpty(), gateway,
                storeVertx, simulator);
        stack.warmUp(LoadParams.integer("hc.warmup", 2000));
        return stack;
    }

    /** Writes a fresh P-256 private key (PKCS#8 PEM, as {@code offline.bundleKey} reads it); returns its file. */
    private static Path throwawayBundleKey(Path work) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair().getPrivate()
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path file = work.resolve("bundle.key");
        Files.writeString(file, pem);
        return file;
    }

    /**
     * Waits until the gateway says it is ready ({@code /health/ready} 200): a gateway listens before it has loaded
     * its revocations and warmed itself up, and a run measured from then measures its start, not its service.
     */
    private static void awaitReady(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LoadParams.integer("hc.readySeconds", 120));
        while (true) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // Not listening yet: try again until the deadline.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + "/health/ready did not answer 200 within -Dhc.readySeconds");
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code count} scans of pool codes, so that the measured run starts with a warm JIT. */
    private void warmUp(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI verify = URI.create(gatewayUrl + "/v1/verify");
        for (int i = 0; i < count; i++) {
            PoolEntry e = pool.at(i);
            String body = new JsonObject().put("code", e.code()).put("scene", "venue").encode();
            client.send(HttpRequest.newBuilder(verify).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Stops what the stack started, and prints what the store was asked. */
    public void close() {
        try {
            if (gateway != null) {
                await(gateway.stop());
            }
            if (simulator != null) {
                System.out.println("[stack] store simulator: " + simulator.stats().toJson().encode());
                await(storeVertx.close());
            }
        } catch (Exception e) {
            System.err.println("[stack] shutdown: " + e);
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Returns the pool. */
    public CodePool pool() {
        return pool;
    }

    /** Returns the generator that re-mints stale pooled codes, or null for a pool file without its key. */
    public PoolGenerator generator() {
        return generator;
    }

    /** Returns the gateway's base URL. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** Returns the store simulator's control URL, or null when there is none to command. */
    public String storeControlUrl() {
        return storeControlUrl;
    }

    /** Returns the gateway's admin token (empty when unknown). */
    public String adminToken() {
        return adminToken;
    }

    /** Tells whether the gateway asks a store for colours (else the signed snapshot decides). */
    public boolean online() {
        return online;
    }

    /** Returns the in-process store simulator, or null. */
    public AuthoritySimulator simulator() {
        return simulator;
    }

    /** Returns how long a run with this ramp and hold lasts. */
    public static Duration runLength(Duration ramp, Duration hold) {
        return ramp.plus(hold);
    }
}
