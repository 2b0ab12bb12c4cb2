package dev.hcgateway.cli;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Revokes one code, or every code of a subject issued before a moment, through a gateway's admin API. */
@Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Revoke a code, or a subject's codes, through a gateway's admin API.",
            "One code: --code-id (inspect prints it). All codes of a subject issued",
            "before a moment: --subject with --issued-before (and --issuer for one issuer's).",
            "Sends POST /admin/v1/revocations; the gateway needs HC_ADMIN_TOKEN."})
public final class RevokeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AdminOptions admin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    /** Either one code, or a subject with a moment. */
    static final class Target {
        @Option(names = "--code-id", paramLabel = "HEX", converter = Converters.CodeIdValue.class,
                description = "the code's id: the cti in hex (inspect --field id)")
        String codeId;

        @ArgGroup(exclusive = false)
        SubjectTarget subject;
    }

    /** A subject and the moment before which its codes are revoked. */
    static final class SubjectTarget {
        @Option(names = "--subject", required = true, paramLabel = "S", description = "the subject's pseudonym")
        String subject;

        @Option(names = "--issuer", paramLabel = "ID", description = "only this issuer's codes of the subject "
                + "(default: the subject under every issuer)")
        String issuer;

        @Option(names = "--issued-before", required = true, paramLabel = "TIME", converter = Converters.EpochValue.class,
                description = "codes with iat before this are revoked: epoch seconds or ISO-8601")
        long issuedBefore;
    }

    private final Map<String, String> env;

    RevokeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        AdminClient client = admin.client(env, spec);
        JsonObject body = target.codeId != null ? new JsonObject().put("codeId", target.codeId)
                : new JsonObject().put("subject", target.subject.subject).put("issuedBefore", target.subject.issuedBefore);
        if (target.codeId == null && target.subject.issuer != null) {
            body.put("issuer", target.subject.issuer);
        }
        client.post("/admin/v1/revocations", body, spec.commandLine().getOut());
        return 0;
    }
}
