package dev.hcgateway;

import dev.hcgateway.metrics.Telemetry;
import dev.hcgateway.support.Gateways;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a whole gateway in a fresh JVM (nothing initialised yet, as in production) with Vert.x's blocked-thread
 * checker set to {@code args[0]} milliseconds, prints {@code STARTED} once it listens, and stops. Run by
 * {@link StartupKeepsEventLoopFreeTest}, which reads the checker's warnings from the output.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    /** Starts, reports and exits; exit code 1 when the start failed. */
    public static void main(String[] args) throws Exception {
        long limitMs = Long.parseLong(args[0]);
        PrometheusMeterRegistry registry = Telemetry.registry();
        Vertx vertx = Telemetry.vertx(registry, GatewayVerticle.vertxOptions()
                .setBlockedThreadCheckInterval(limitMs / 4).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(limitMs).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                // The stack of the blocked loop, so that a failure names what blocked it.
                .setWarningExceptionTime(limitMs).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
        GatewayVerticle gateway = new GatewayVerticle(Gateways.config(Map.of()), Clock.systemUTC(), registry);
        try {
            vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            System.out.println("STARTED on port " + gateway.port());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }
}
