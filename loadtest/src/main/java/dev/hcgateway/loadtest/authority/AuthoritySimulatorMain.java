package dev.hcgateway.loadtest.authority;

import dev.hcgateway.loadtest.LoadtestCli;
import dev.hcgateway.loadtest.pool.CodePoolGenerator;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the store simulator standalone: the {@code authority} command of {@code hc-loadtest}. */
@Command(name = "authority", mixinStandardHelpOptions = true, version = "hc-loadtest authority",
        description = {"Run the authoritative-store simulator (authority API v1) until killed.",
            "The control port takes colour changes and fault commands (docs/loadtest.md)."})
public final class AuthoritySimulatorMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "default: ${DEFAULT-VALUE}")
    private String host;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090", description = "store port (default: ${DEFAULT-VALUE}; 0: any free)")
    private int port;
    @Option(names = "--control-port", paramLabel = "PORT", defaultValue = "8091", description = "default: ${DEFAULT-VALUE}; -1: none")
    private int controlPort;
    @Option(names = "--latency", paramLabel = "MODEL", defaultValue = "lognormal:3,25",
            description = "answer latency, e.g. none, fixed:5, lognormal:3,25 (default: ${DEFAULT-VALUE})")
    private String latency;
    @Option(names = "--error-rate", paramLabel = "SHARE", defaultValue = "0", description = "500 answers, 0..1")
    private double errorRate;
    @Option(names = "--shed-rate", paramLabel = "SHARE", defaultValue = "0", description = "503 answers, 0..1")
    private double shedRate;
    @Option(names = "--faults", paramLabel = "WINDOWS", defaultValue = "", description = "e.g. 120-240:refuse")
    private String faults;
    @Option(names = "--token", paramLabel = "TOKEN", description = "bearer token required of callers (default: none)")
    private String token;
    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "60", description = "ttlSeconds of answers")
    private int ttl;
    @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "1", description = "Retry-After of 503s")
    private int retryAfter;
    @Option(names = "--document-key", paramLabel = "KEY", description = "identity-document hash key (default: none)")
    private String documentKey;

    /** Runs {@code hc-loadtest authority ARGS}. */
    public static void main(String[] args) {
        LoadtestCli.main(CodePoolGenerator.prepend("authority", args));
    }

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config;
        try {
            config = new SimulatorConfig(host, port, controlPort, LatencyModel.parse(latency), errorRate, shedRate,
                    FaultSchedule.parse(faults), token, ttl, retryAfter, documentKey);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Vertx vertx = Vertx.vertx();
        AuthoritySimulator simulator = new AuthoritySimulator(config, Clock.systemUTC());
        try {
            vertx.deployVerticle(simulator).toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot start on " + host + ":" + port + " (control " + controlPort + "): "
                    + cause.getMessage(), cause);
        }
        spec.commandLine().getOut().println("authority simulator: store " + simulator.url() + ", control "
                + simulator.controlUrl() + ", latency " + config.latency() + ", faults " + config.schedule().windows());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close()));
        return LoadtestCli.SERVING;
    }
}
