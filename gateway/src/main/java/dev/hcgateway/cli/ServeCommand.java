package dev.hcgateway.cli;

import dev.hcgateway.config.ConfigException;
import dev.hcgateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts the gateway. Options override the configuration (defaults file, {@code HC_CONFIG}, {@code HC_*}
 * variables). Without a trust list ({@code HC_TRUST_FILE}, {@code --trust}) it refuses to start unless
 * {@code --demo} or {@code HC_DEMO=true} asks for the bundled demo list, whose private keys are public.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start the gateway (the default when no command is given).",
            "Runs until SIGTERM (exit 143). A configuration error exits with 2 (so does",
            "a trust list the trust anchor did not sign), any other start-up failure",
            "(port taken, trust list unreadable) with 1."})
public final class ServeCommand implements Callable<Integer> {

    /** What {@link #call()} returns once the gateway runs: the process must not exit. */
    public static final int SERVING = -1;
    /** The environment variable that allows the demo trust list, like {@code --demo}. */
    public static final String DEMO_VARIABLE = "HC_DEMO";

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "listen port (http.port, HC_HTTP_PORT; default 8080)")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "listen address (http.host, HC_HTTP_HOST; default 0.0.0.0)")
    private String host;

    @Mixin
    private ConfigOptions configuration;

    @Option(names = "--trust", paramLabel = "FILE", description = "trust list file (trust.file, HC_TRUST_FILE)")
    private String trust;

    @Option(names = "--demo", description = {"serve the bundled DEMO trust list when no trust list is set "
            + "(HC_DEMO=true): test issuers 330100 and 110000, whose private keys are in the repository"})
    private boolean demo;

    private final Map<String, String> env;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + port);
        }
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        List<String> warnings = new ArrayList<>();
        GatewayConfig loaded;
        try {
            Map<String, String> options = new HashMap<>();
            options.put("HC_HTTP_PORT", port == null ? null : port.toString());
            options.put("HC_HTTP_HOST", host);
            options.put("HC_TRUST_FILE", trust);
            loaded = configuration.load(env, options, warnings);
        } catch (ConfigException e) {
            return refuse(err, e.getMessage());
        }
        String demoVariable = env.getOrDefault(DEMO_VARIABLE, "").trim().toLowerCase(Locale.ROOT);
        if (!demoVariable.isEmpty() && !demoVariable.equals("true") && !demoVariable.equals("false")) {
            // Like every boolean of the configuration: a "yes" read as off would start without the demo silently.
            return refuse(err, DEMO_VARIABLE + " must be true or false, got \"" + env.get(DEMO_VARIABLE).trim() + "\"");
        }
        boolean demoAllowed = demo || demoVariable.equals("true");
        if (loaded.trust().file() == null && !demoAllowed) {
            return refuse(err, "no trust list: set HC_TRUST_FILE (or trust.file, --trust FILE); to try the gateway "
                    + "with the bundled demo list, whose private keys are public, start it with --demo or HC_DEMO=true");
        }
        // The demo sighting key is public: with Redis, every pass would be published under a key anyone can test
        // known subjects against. Without Redis it never leaves the process.
        boolean demoSightingKey = loaded.redis().uri() != null && loaded.sightings().demoKey();
        if (demoSightingKey && !demoAllowed) {
            return refuse(err, "passback.sightingKey is the public demo default while redis.uri is set: set "
                    + "HC_PASSBACK_SIGHTING_KEY (the same secret on every gateway of the fleet), or start with --demo");
        }
        warnings.forEach(log::warn);
        if (demoSightingKey) {
            log.warn("DEMO SIGHTING KEY IN USE (--demo / HC_DEMO=true): passback sightings in Redis are hashed under a"
                    + " public key. NEVER IN PRODUCTION: set HC_PASSBACK_SIGHTING_KEY.");
        }
        if (loaded.trust().file() == null) {
            log.warn("DEMO TRUST LIST IN USE (--demo / HC_DEMO=true): codes of the test issuers 330100 and 110000 "
                    + "and DCCs of the demo signer XD pass, and their private keys are public (config/demo). NEVER IN "
                    + "PRODUCTION: set HC_TRUST_FILE.");
        }
        return new GatewayProcess(loaded, log).start(err);
    }

    /**
     * Prints a configuration error once, on stderr (not also as a log line: on a terminal both show), and returns
     * the usage exit code.
     */
    private static int refuse(PrintWriter err, String message) {
        err.println("configuration error: " + message);
        err.flush();
        return GatewayCli.USAGE;
    }
}
