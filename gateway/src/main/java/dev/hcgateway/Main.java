package dev.hcgateway;

import dev.hcgateway.config.ConfigException;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.issuer.IssuerCli;
import dev.hcgateway.metrics.Telemetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway ({@code java -jar gateway.jar} or {@code ... serve}), or runs an issuer tool
 * ({@code keygen}, {@code mint}, {@code qr}, {@code revoke}; {@code help} lists them).
 *
 * <p>Exit codes of {@code serve}: 2 for a configuration error (the message names the key), 1 when start-up
 * fails otherwise (trust list unreadable, port taken...), 143 after SIGTERM.
 */
public final class Main {

    /** Exit code of a configuration error. */
    static final int CONFIG_ERROR = 2;

    private Main() {
    }

    /** Runs the command named by the first argument; none starts the gateway. */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("verify") || args[0].equals("trust"))) {
            System.exit(offline(args));
        }
        if (args.length > 0 && !args[0].equals("serve")) {
            System.exit(new IssuerCli(System.out, System.err, System.getenv()).run(args));
        }
        serve();
    }

    /** Runs {@code verify} or {@code trust import-dsc} (docs/dcc.md); answers on stdout, logs on stderr. */
    private static int offline(String[] args) {
        System.setProperty("HC_LOG_TARGET", "System.err"); // before the first logger: stdout is for answers
        List<String> rest = List.of(args).subList(1, args.length);
        if (args[0].equals("trust")) {
            return new dev.hcgateway.offline.DscImport().run(rest, System.err);
        }
        try {
            GatewayConfig config = new ConfigLoader().load(System.getenv(), new ArrayList<>());
            return new dev.hcgateway.offline.OfflineVerify(config, Clock.systemUTC()).run(rest, System.in, System.out,
                    System.err);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
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
            System.exit(CONFIG_ERROR);
            return;
        }
        warnings.forEach(log::warn);
        PrometheusMeterRegistry registry = Telemetry.registry();
        Vertx vertx = Telemetry.vertx(registry, vertxOptions());
        if (vertx.isNativeTransportEnabled()) {
            log.info("network transport: native (epoll)");
        } else {
            log.warn("network transport: NIO, the native one could not load: {}",
                    String.valueOf(vertx.unavailableNativeTransportCause()));
        }
        vertx.deployVerticle(new GatewayVerticle(config, Clock.systemUTC(), registry)).onFailure(e -> {
            log.error("gateway failed to start: {}", e.getMessage(), e);
            vertx.close().onComplete(v -> System.exit(1));
        });
        long graceMs = config.http().shutdownGraceMs();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, graceMs, log), "hc-shutdown"));
    }

    /**
     * Returns the Vert.x options of the gateway: Netty's native epoll transport where it loads (the Linux x86_64
     * and aarch64 libraries are in the jar), else NIO, to which Vert.x falls back by itself.
     */
    static VertxOptions vertxOptions() {
        return new VertxOptions().setPreferNativeTransport(true);
    }

    /**
     * Shuts down on SIGTERM: undeploying fails readiness at once, closes the listeners, lets in-flight requests
     * finish within the grace period, then closes the Redis and store clients. Bounded even if something hangs.
     */
    private static void shutdown(Vertx vertx, long graceMs, Logger log) {
        long start = System.nanoTime();
        log.info("shutting down: readiness fails now, in-flight requests get {} ms", graceMs);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(graceMs + 5000L, TimeUnit.MILLISECONDS);
            log.info("shut down cleanly in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (Exception e) {
            log.warn("shutdown did not complete within {} ms: {}", graceMs + 5000L, e.toString());
        }
    }
}
