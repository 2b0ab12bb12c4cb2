package dev.hcgateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Drops subjects' cached colours in every gateway, through a gateway's admin API. */
@Command(name = "invalidate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Drop subjects' cached colours in every gateway (admin API).",
            "The next scan of each subject asks the store",
            "(POST /admin/v1/invalidations); --issuer: those subjects under that issuer only."})
public final class InvalidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AdminOptions admin;

    @Option(names = "--subject", required = true, paramLabel = "S", converter = Converters.NonBlank.class,
            description = "a subject; repeat for several")
    private List<String> subjects;

    @Option(names = "--issuer", paramLabel = "ID", description = "only the subjects under this issuer "
            + "(default: under every issuer)")
    private String issuer;

    private final Map<String, String> env;

    InvalidateCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        AdminClient client = admin.client(env, spec);
        JsonObject body = new JsonObject().put("subjects", new JsonArray(List.copyOf(subjects)));
        if (issuer != null) {
            body.put("issuer", issuer);
        }
        client.post("/admin/v1/invalidations", body, spec.commandLine().getOut());
        return 0;
    }
}
