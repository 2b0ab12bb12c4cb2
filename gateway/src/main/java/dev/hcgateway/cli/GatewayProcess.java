package dev.hcgateway.cli;

import dev.hcgateway.GatewayVerticle;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.metrics.Telemetry;
import dev.hcgateway.trust.TrustAnchorException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** Runs the gateway in this process: Vert.x, the verticle, and the SIGTERM shutdown. */
final class GatewayProcess {

    private final GatewayConfig config;
    private final Logger log;

    GatewayProcess(GatewayConfig config, Logger log) {
        this.config = config;
        this.log = log;
    }

    /**
     * Deploys the gateway and waits (on the main thread, never an event loop) until it listens; returns
     * {@link ServeCommand#SERVING}, or the exit code having printed why it cannot start: a taken port is named as
     * such (1); a trust list the configured trust anchor did not sign, or an unusable anchor, is a configuration
     * error (2) told in one line.
     */
    int start(PrintWriter err) {
        PrometheusMeterRegistry registry = Telemetry.registry();
        Vertx vertx = Telemetry.vertx(registry, GatewayVerticle.vertxOptions());
        if (vertx.isNativeTransportEnabled()) {
            log.info("network transport: native (epoll)");
        } else {
            log.warn("network transport: NIO, the native one could not load: {}",
                    String.valueOf(vertx.unavailableNativeTransportCause()));
        }
        long graceMs = (long) config.http().drainGraceMs() + config.http().shutdownGraceMs();
        Thread hook = new Thread(() -> shutdown(vertx, graceMs), "hc-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            vertx.deployVerticle(new GatewayVerticle(config, Clock.systemUTC(), registry))
                    .toCompletionStage().toCompletableFuture().get();
            return ServeCommand.SERVING;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            TrustAnchorException refused = anchorRefusal(cause);
            if (refused != null) {
                // The operator's to fix, and the message says what: one line, no stack trace (as every
                // configuration error).
                err.println("configuration error: " + refused.getMessage());
                err.flush();
                stop(vertx, hook);
                return GatewayCli.USAGE;
            }
            String reason = isBindFailure(cause)
                    ? "cannot listen on " + config.http().host() + ":" + config.http().port() + " (port "
                    + config.http().port() + "): " + GatewayCli.describe(cause)
                    + "; choose another with --port or HC_HTTP_PORT"
                    : GatewayCli.describe(cause);
            log.error("gateway failed to start: {}", reason, cause);
            err.println("gateway failed to start: " + reason);
            err.flush();
            stop(vertx, hook);
            return GatewayCli.FAILED;
        }
    }

    /** Closes a Vert.x whose gateway did not start, its shutdown hook no longer needed. */
    private static void stop(Vertx vertx, Thread hook) {
        Runtime.getRuntime().removeShutdownHook(hook);
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(x -> null)
                .join();
    }

    private static TrustAnchorException anchorRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TrustAnchorException refused) {
                return refused;
            }
        }
        return null;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("Address already in use") || message.contains("bind(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shuts down on SIGTERM: undeploying fails readiness at once, closes the listeners, lets in-flight requests
     * finish within the grace period, then closes the Redis and store clients. Bounded even if something hangs.
     */
    private void shutdown(Vertx vertx, long graceMs) {
        long start = System.nanoTime();
        log.info("shutting down: readiness fails now, open connections are drained within {} ms", graceMs);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(graceMs + 5000L, TimeUnit.MILLISECONDS);
            log.info("shut down cleanly in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (Exception e) {
            log.warn("shutdown did not complete within {} ms: {}", graceMs + 5000L, e.toString());
        }
    }
}
