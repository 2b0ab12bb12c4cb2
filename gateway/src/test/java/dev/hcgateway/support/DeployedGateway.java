package dev.hcgateway.support;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole gateway deployed on an ephemeral port (one event loop, bundled demo trust list, offline colours), with
 * the registry its {@code /metrics} exposes, for HTTP-level tests.
 */
public final class DeployedGateway {

    private final GatewayVerticle verticle;
    private final PrometheusMeterRegistry registry;

    private DeployedGateway(GatewayVerticle verticle, PrometheusMeterRegistry registry) {
        this.verticle = verticle;
        this.registry = registry;
    }

    /** Deploys a gateway on the defaults plus {@code overrides} ({@code section.key -> value}). */
    public static Future<DeployedGateway> deploy(Vertx vertx, Clock clock, Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("http.port", 0, "http.instances", 1));
        all.putAll(overrides);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayVerticle verticle = new GatewayVerticle(new ConfigLoader().defaultsWith(all), clock, registry);
        return vertx.deployVerticle(verticle).map(id -> new DeployedGateway(verticle, registry));
    }

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
