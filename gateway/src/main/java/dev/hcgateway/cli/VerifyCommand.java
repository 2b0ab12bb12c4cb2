package dev.hcgateway.cli;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.offline.OfflineVerify;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Judges codes without a server (offline mode), one answer line each in the HTTP answer's shape (dcc.md). */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Judge codes offline (no Redis, no store), one JSON answer line per code.",
                "With '-' reads JSON lines {\"code\": ..., \"at\": ..., \"scene\": ...} from standard input.",
                "Exit 0 when every code was judged (whatever the decision), 1 on an unreadable line, 2 on misuse."})
public final class VerifyCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final Clock clock;

    @Mixin
    private ConfigOptions configuration;

    @Spec
    private CommandSpec spec;

    @Option(names = "--trust", required = true, paramLabel = "FILE", description = "trust list file")
    private Path trust;

    @Option(names = "--scene", paramLabel = "SCENE", description = "scene (default: verify.defaultScene)")
    private String scene;

    @Option(names = "--at", paramLabel = "INSTANT", description = "judge as at this ISO-8601 instant")
    private Instant at;

    @Parameters(paramLabel = "CODE", arity = "0..*", description = "codes, or '-' for JSON lines on stdin")
    private List<String> codes = new ArrayList<>();

    VerifyCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configuration.load(env, Map.of(), new ArrayList<>());
        return new OfflineVerify(config, clock).run(trust, scene, at, codes, System.in, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
