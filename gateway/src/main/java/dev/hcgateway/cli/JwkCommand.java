package dev.hcgateway.cli;

import dev.hcgateway.issuer.IssuerKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the trust-list entry of an existing private key. */
@Command(name = "jwk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the trust-list entry of an existing private key.")
public final class JwkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "private key (PKCS#8, base64)")
    private Path key;

    @Option(names = "--issuer", required = true, paramLabel = "ID", description = "issuer id")
    private String issuer;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(IssuerKey.read(key, issuer).trustList("issuer " + issuer).encodePrettily());
        return 0;
    }
}
