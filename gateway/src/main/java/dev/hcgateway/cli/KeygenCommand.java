package dev.hcgateway.cli;

import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.KeyFiles;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates an issuer's P-256 key pair and prints its trust-list entry. */
@Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Generate an issuer's key pair; print its trust-list entry.",
            "Writes PREFIX.key (PKCS#8, base64, mode 0600) and PREFIX.pub;",
            "never overwrites an existing file."})
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--issuer", required = true, paramLabel = "ID", description = "issuer id, e.g. 440300")
    private String issuer;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "writes PREFIX.key and PREFIX.pub")
    private String prefix;

    @Override
    public Integer call() throws Exception {
        IssuerKey key = IssuerKey.generate(issuer);
        try {
            KeyFiles.write(key, prefix);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(e.getFile() + " exists; refusing to overwrite a key file (choose another --out)");
        }
        spec.commandLine().getOut().println(key.trustList("issuer " + key.issuer()).encodePrettily());
        return 0;
    }
}
