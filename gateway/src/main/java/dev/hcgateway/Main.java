package dev.hcgateway;

import dev.hcgateway.config.ConfigException;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.issuer.IssuerCli;
import dev.hcgateway.metrics.MetricNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway ({@code java -jar gateway.jar} or {@code ... serve}), or runs an issuer tool
 * ({@code keygen}, {@code mint}, {@code qr}, {@code revoke}; {@code help} lists them).
 */
public final class Main {

    private Main() {
    }

    /** Runs the command named by the first argument; none starts the gateway. */
    public static void main(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            System.exit(new IssuerCli(System.out, System.err, System.getenv()).run(args));
        }
        serve();
    }

    private static void serve() {
        Logger log = LoggerFactory.getLogger(Main.class);
        List<String> warnings = new ArrayList<>();
        GatewayConfig config;
        try {
            config = new ConfigLoader().load(System.getenv(), warnings);
        } catch (ConfigException e) {
            log.error("configuration error: {}", e.getMessage());
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        warnings.forEach(log::warn);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricNames.install(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        vertx.deployVerticle(new GatewayVerticle(config, Clock.systemUTC(), registry)).onFailure(e -> {
            log.error("gateway failed to start: {}", e.getMessage(), e);
            vertx.close().onComplete(v -> System.exit(1));
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: draining in-flight requests");
            try {
                vertx.close().toCompletionStage().toCompletableFuture()
                        .get(config.http().shutdownGraceMs() + 5000L, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("shutdown did not complete cleanly: {}", e.toString());
            }
        }, "hc-shutdown"));
    }
}
