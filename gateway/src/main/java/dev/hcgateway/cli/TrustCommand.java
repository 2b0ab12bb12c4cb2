package dev.hcgateway.cli;

import dev.hcgateway.offline.DscImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tools of the trust list: converting a national list of EU signer certificates (dcc.md). */
@Command(name = "trust", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tools of the trust list.", subcommands = TrustCommand.ImportDsc.class)
public final class TrustCommand {

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
