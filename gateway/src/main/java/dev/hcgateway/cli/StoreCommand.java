package dev.hcgateway.cli;

import dev.hcgateway.revocation.StoreCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operates on the revocation store in Redis: the marker, a rollback finding, export and import (revocation.md). */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operate on the revocation store in Redis: init the marker, clear a rollback finding, "
                + "export or import every revocation.")
public final class StoreCommand implements Callable<Integer> {


    private final Map<String, String> env;

    @Parameters(index = "0", paramLabel = "ACTION", description = "init | clear-lost | export | import")
    private String action;

    @Option(names = "--redis", paramLabel = "URI", description = "Redis URI (default: $HC_REDIS_URI)")
    private String redis;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "hc:", description = "key prefix (${DEFAULT-VALUE})")
    private String prefix;

    @Option(names = "--out", paramLabel = "FILE", description = "export: the JSON-lines file to write")
    private Path out;

    @Option(names = "--in", paramLabel = "FILE", description = "import: the JSON-lines file to re-apply")
    private Path in;

    StoreCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("store", action));
        if (redis != null) {
            args.addAll(List.of("--redis", redis));
        }
        args.addAll(List.of("--prefix", prefix));
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (in != null) {
            args.addAll(List.of("--in", in.toString()));
        }
        return new StoreCli(System.out, System.err, env).run(args.toArray(String[]::new));
    }
}
