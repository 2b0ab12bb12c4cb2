package dev.hcgateway.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every admin command shares: where the gateway is and its admin token. */
final class AdminOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "the gateway (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", converter = Converters.NonBlank.class,
            description = "the gateway's admin token (default: $HC_ADMIN_TOKEN); never empty")
    String token;

    /** Returns a client for these options; a missing or blank token is a usage error. */
    AdminClient client(Map<String, String> env, CommandSpec spec) {
        String t = token != null ? token : env.get("HC_ADMIN_TOKEN");
        if (t == null || t.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing --token (or HC_ADMIN_TOKEN): the gateway's admin token");
        }
        return new AdminClient(url, t);
    }
}
