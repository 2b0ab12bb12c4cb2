package dev.hcgateway.support;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Deploys real gateways for tests: one event loop, an ephemeral port, the given clock and overrides. */
public final class Gateways {

    private Gateways() {
    }

    /** Returns a config of the defaults with test-friendly HTTP settings and these overrides on top. */
    public static GatewayConfig config(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("http.port", 0, "http.instances", 1, "http.host", "127.0.0.1"));
        all.putAll(overrides);
        return new ConfigLoader().defaultsWith(all);
    }

    /** Deploys a gateway and waits until it listens. */
    public static GatewayVerticle deploy(Vertx vertx, Map<String, Object> overrides, Clock clock) {
        GatewayVerticle gateway = new GatewayVerticle(config(overrides), clock,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        await(vertx.deployVerticle(gateway));
        return gateway;
    }

    /** Waits for a future from a test thread (never from an event loop). */
    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }
}
