package dev.hcgateway.loadtest.authority;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the store simulator standalone:
 * <pre>
 * hc-loadtest authority [--port 8090] [--control-port 8091] [--latency lognormal:3,25] [--error-rate 0.001]
 *                       [--shed-rate 0] [--faults 120-240:refuse] [--token T] [--ttl 60] [--document-key K]
 * </pre>
 */
public final class AuthoritySimulatorMain {

    private AuthoritySimulatorMain() {
    }

    /** Starts the simulator and runs until killed. */
    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value; got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        SimulatorConfig config = SimulatorConfig.fromOptions(o);
        Vertx vertx = Vertx.vertx();
        AuthoritySimulator simulator = new AuthoritySimulator(config, Clock.systemUTC());
        vertx.deployVerticle(simulator).onSuccess(id -> System.out.println("authority simulator: store "
                + simulator.url() + ", control " + simulator.controlUrl() + ", latency " + config.latency()
                + ", faults " + config.schedule().windows())).onFailure(e -> {
                    System.err.println("cannot start: " + e.getMessage());
                    vertx.close();
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close()));
    }
}
