package dev.hcgateway.support;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.metrics.MetricNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Deploys a whole gateway (GatewayVerticle, one server on a free port) for HTTP-level tests. */
public final class Gateways {

    /** A deployed gateway: its verticle (for the port) and its registry. */
    public record Deployed(GatewayVerticle verticle, PrometheusMeterRegistry registry) {
        public int port() {
            return verticle.port();
        }
    }

    private Gateways() {
    }

    /** Deploys with the defaults plus overrides ({@code section.key -> value}). */
    public static Future<Deployed> deploy(Vertx vertx, Clock clock, Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>();
        all.put("http.port", 0);
        all.put("http.instances", 1);
        all.put("http.host", "127.0.0.1");
        all.putAll(overrides);
        GatewayConfig config = new ConfigLoader().defaultsWith(all);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricNames.install(registry);
        GatewayVerticle verticle = new GatewayVerticle(config, clock, registry);
        return vertx.deployVerticle(verticle).map(id -> new Deployed(verticle, registry));
    }
}
