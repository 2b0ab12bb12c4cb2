package dev.hcgateway.cli;

import dev.hcgateway.issuer.IssuerKey;
import dev.hcgateway.issuer.TrustListSigner;
import dev.hcgateway.offline.DscImport;
import dev.hcgateway.trust.TrustListException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Tools of the trust list: converting a national list of EU signer certificates (dcc.md), and signing the list as
 * the national trust anchor (code-format.md, "Signed trust list").
 */
@Command(name = "trust", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tools of the trust list.", subcommands = {TrustCommand.ImportDsc.class, TrustCommand.Sign.class})
public final class TrustCommand {

    /** Signs a trust file with the anchor's private key: writes {@code TRUST.json.jws} beside it. */
    @Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Sign a trust file as the trust anchor (writes TRUST.json.jws).",
                "The signature is a detached ES256 JWS over the file's exact bytes. Gateways with",
                "trust.anchorKey (HC_TRUST_ANCHOR) load only a list so signed.",
                "Sign after the last edit: any change to the file voids the signature."})
    static final class Sign implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "ANCHOR.key",
                description = "the anchor's private key: PEM PKCS#8 (openssl genpkey) or base64 DER (keygen)")
        private Path key;

        @Parameters(paramLabel = "TRUST.json", description = "the trust file to sign")
        private Path file;

        @Override
        public Integer call() throws Exception {
            IssuerKey anchor;
            try {
                anchor = IssuerKey.read(key, "anchor");
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                throw new CliFailure("cannot read the anchor key: " + GatewayCli.describe(e));
            }
            try {
                Path out = new TrustListSigner(anchor).sign(file);
                spec.commandLine().getOut().println(out);
            } catch (TrustListException e) {
                throw new CliFailure("not signed: " + e.getMessage());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CliFailure("no such file: " + e.getFile());
            }
            return 0;
        }
    }

    /** Converts a DSC list ({"certificates": [{kid, country, rawData}]}, signature line skipped) into the trust file. */
    @Command(name = "import-dsc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Convert a national DSC list into the trust file's certificates (issuers kept).")
    static final class ImportDsc implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "FILE", description = "the DSC list")
        private Path from;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the trust file to write")
        private Path out;

        @Override
        public Integer call() {
            return new DscImport().run(from, out, spec.commandLine().getErr());
        }
    }
}
