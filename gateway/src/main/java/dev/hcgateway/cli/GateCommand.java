package dev.hcgateway.cli;

import dev.hcgateway.offline.OfflineGate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Judges codes as an offline gate does, from a downloaded bundle (docs/offline.md). */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Judge codes as an offline gate: with a bundle from GET /v1/offline/bundle, checked against",
                "the key from GET /v1/offline/key. One JSON answer line per code, as verify, with \"source\": \"offline\".",
                "With '-' reads one code, or one JSON object {\"code\", \"scene\", \"gate\", \"at\"}, per line.",
                "Exit 0 when every code was judged, 1 on an unreadable line, 2 on a refused bundle or misuse."})
public final class GateCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "bundle file")
    private Path bundle;

    @Option(names = "--key", required = true, paramLabel = "KEY.jwk", description = "the bundle key's public JWK")
    private Path key;

    @Option(names = "--scene", paramLabel = "SCENE", description = "scene (default: the bundle's default scene)")
    private String scene;

    @Option(names = "--at", paramLabel = "INSTANT", description = "judge as at this ISO-8601 instant")
    private Instant at;

    @Parameters(paramLabel = "CODE", arity = "0..*", description = "codes, or '-' for lines on stdin")
    private List<String> codes = new ArrayList<>();

    GateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new OfflineGate(clock).run(bundle, key, scene, at, codes, System.in, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
