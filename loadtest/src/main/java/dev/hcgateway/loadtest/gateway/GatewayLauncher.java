package dev.hcgateway.loadtest.gateway;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.metrics.Telemetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.ArrayList;

/**
 * Starts the gateway as {@code Main} does (same config loading from the environment, same verticle), with two
 * switches for cost experiments: {@code -Dhc.bench.vertxMetrics=false} leaves the Vert.x metrics (HTTP server
 * meters, JVM, pools, event loops) out, {@code -Dhc.bench.nativeTransport=true} prefers Netty's epoll transport. Not for production.
 *
 * <pre>HC_TRUST_FILE=... hc-loadtest main dev.hcgateway.loadtest.gateway.GatewayLauncher -Dhc.bench.vertxMetrics=false</pre>
 */
public final class GatewayLauncher {

    private GatewayLauncher() {
    }

    /** Starts the gateway; runs until killed. */
    public static void main(String[] args) {
        boolean vertxMetrics = Boolean.parseBoolean(System.getProperty("hc.bench.vertxMetrics", "true"));
        boolean nativeTransport = Boolean.parseBoolean(System.getProperty("hc.bench.nativeTransport", "false"));
        GatewayConfig config = new ConfigLoader().load(System.getenv(), new ArrayList<>());
        PrometheusMeterRegistry registry = Telemetry.registry();
        VertxOptions options = new VertxOptions().setPreferNativeTransport(nativeTransport);
        // With metrics: the Vert.x metrics the gateway ships with (Main's, through Telemetry).
        Vertx vertx = vertxMetrics ? Telemetry.vertx(registry, options) : Vertx.builder().with(options).build();
        System.out.println("vertx metrics " + vertxMetrics + ", native transport " + vertx.isNativeTransportEnabled());
        vertx.deployVerticle(new GatewayVerticle(config, Clock.systemUTC(), registry)).onFailure(e -> {
            e.printStackTrace();
            vertx.close().onComplete(v -> System.exit(1));
        });
    }
}
