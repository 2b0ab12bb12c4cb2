package dev.hcgateway.support;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Deploys whole gateways (GatewayVerticle, one server on a free port) for HTTP-level tests. */
public final class Gateways {

    /** A deployed gateway: its verticle (for the port) and the registry its {@code /metrics} exposes. */
    public record Deployed(GatewayVerticle verticle, PrometheusMeterRegistry registry) {

        /** Returns the port the gateway listens on. */
        public int port() {
            return verticle.port();
        }

        /** Returns the sum of the counters of this name carrying these tags (key, value, ...). */
        public double counted(String name, String... tags) {
            return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
        }

        /** Returns how many events the timers of this name carrying these tags recorded. */
        public long timed(String name, String... tags) {
            return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
        }

        /** Returns the value of a gauge, or NaN when absent. */
        public double gauge(String name) {
            var gauge = registry.find(name).gauge();
            return gauge == null ? Double.NaN : gauge.value();
        }
    }

    /** The edge settings of the tests of something else: no warm-up, no shedding by queue delay. */
    public static final Map<String, Object> TEST_EDGE = Map.of("http.warmupSeconds", 0, "http.shedQueueMs", 60_000);

    /** The edge settings of config/gateway.yaml that {@link #config} turns off, for the tests of them. */
    public static final Map<String, Object> PRODUCTION_EDGE = Map.of("http.warmupSeconds",
            defaults().http().warmupSeconds(), "http.shedQueueMs", defaults().http().shedQueueMs());

    private Gateways() {
    }

    private static GatewayConfig defaults() {
        return new ConfigLoader().defaultsWith(Map.of());
    }

    /**
     * Returns a config of the defaults with test-friendly HTTP settings and these overrides on top: no warm-up
     * (ready at once), and no shedding by queue delay, which a shared, loaded test machine can trigger on its
     * own; the tests of those set them back ({@link #PRODUCTION_EDGE}). Each config gets a fresh state directory
     * of its own (a test names one with {@code state.dir} to restart a gateway from it).
     */
    public static GatewayConfig config(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("http.port", 0, "http.instances", 1, "http.host", "127.0.0.1",
                "state.dir", freshStateDir()));
        all.putAll(TEST_EDGE);
        all.putAll(overrides);
        return new ConfigLoader().defaultsWith(all);
    }

    /** Returns a new empty directory for a gateway's state, under one parent removed when the JVM exits. */
    public static String freshStateDir() {
        try {
            return java.nio.file.Files.createTempDirectory(StateDirs.PARENT, "gateway-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The parent of the tests' state directories (created once, deleted with its contents at exit). */
    private static final class StateDirs {
        static final java.nio.file.Path PARENT = create();

        private static java.nio.file.Path create() {
            try {
                java.nio.file.Path parent = java.nio.file.Files.createTempDirectory("hc-test-state-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (var files = java.nio.file.Files.walk(parent)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (java.io.IOException e) {
                        // a leftover temp directory is harmless
                    }
                }));
                return parent;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Deploys with the defaults plus overrides ({@code section.key -> value}). */
    public static Future<Deployed> deploy(Vertx vertx, Clock clock, Map<String, Object> overrides) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricNames.install(registry);
        GatewayVerticle verticle = new GatewayVerticle(config(overrides), clock, registry);
        return vertx.deployVerticle(verticle).map(id -> new Deployed(verticle, registry));
    }

    /** Deploys a gateway and waits until it listens (from a test thread). */
    public static GatewayVerticle deploy(Vertx vertx, Map<String, Object> overrides, Clock clock) {
        return await(deploy(vertx, clock, overrides)).verticle();
    }

    /** Posts a code to a gateway's {@code /v1/verify} at {@code scene} and waits for the answer (from a test thread). */
    public static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> verify(
            io.vertx.ext.web.client.WebClient http, int port, String code, String scene) {
        return await(http.post(port, "127.0.0.1", "/v1/verify")
                .sendJsonObject(new io.vertx.core.json.JsonObject().put("code", code).put("scene", scene)));
    }

    /** Waits up to 10 s for a future from a test thread (never from an event loop); a failure is thrown as one. */
    public static <T> T await(Future<T> future) {
        return await(future, Duration.ofSeconds(10));
    }

    /** Waits up to {@code timeout} for a future from a test thread; its failure, or the timeout, fails the test. */
    public static <T> T await(Future<T> future, Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a future", e);
        }
    }
}
