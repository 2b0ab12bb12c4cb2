package dev.hcgateway.loadtest.gateway;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.metrics.Telemetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a real gateway inside the load generator's JVM, wired as {@code Main} wires it (Prometheus registry with
 * JVM metrics, one Vert.x), so a simulation or CI needs nothing else. Listens on a free loopback port.
 */
public final class InProcessGateway {

    private final Vertx vertx;
    private final GatewayVerticle gateway;

    private InProcessGateway(Vertx vertx, GatewayVerticle gateway) {
        this.vertx = vertx;
        this.gateway = gateway;
    }

    /**
     * Starts a gateway with the defaults overridden by {@code overrides} ({@code section.key -> value}) and
     * loopback, free port; returns once it listens.
     */
    public static Future<InProcessGateway> start(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("http.host", "127.0.0.1", "http.port", 0));
        all.putAll(overrides);
        GatewayConfig config = new ConfigLoader().defaultsWith(all);
        // The registry and Vert.x metrics the gateway ships with (Main builds the same ones).
        PrometheusMeterRegistry registry = Telemetry.registry();
        Vertx vertx = Telemetry.vertx(registry, new VertxOptions());
        GatewayVerticle gateway = new GatewayVerticle(config, Clock.systemUTC(), registry);
        Future<String> deployed = vertx.deployVerticle(gateway);
        // On failure, close Vert.x but hand back the cause (a future chained on a closing Vert.x never completes).
        deployed.onFailure(e -> vertx.close());
        return deployed.map(id -> new InProcessGateway(vertx, gateway));
    }

    /** Returns the gateway's base URL. */
    public String url() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** Stops the gateway (draining in-flight requests) and its Vert.x. */
    public Future<Void> stop() {
        return vertx.close();
    }
}
