package dev.hcgateway.loadtest;

import dev.hcgateway.loadtest.authority.AuthoritySimulatorMain;
import dev.hcgateway.loadtest.pool.CodePoolGenerator;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line of the load-test kit ({@code loadtest/bin/hc-loadtest}): {@code pool} and {@code authority}
 * are parsed here; {@code simulate}, {@code jmh} and {@code main} start other main classes from the script.
 * Exit codes as the gateway's: 0 done, 1 failed, 2 usage error.
 */
@Command(name = "hc-loadtest", mixinStandardHelpOptions = true, versionProvider = LoadtestCli.Version.class,
        description = "The load-test kit: code pools, an authoritative-store simulator, Gatling simulations, JMH.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CodePoolGenerator.class, AuthoritySimulatorMain.class, HelpCommand.class},
        footerHeading = "%nStarted by the script itself:%n", footer = {
            "  simulate NAME [-Dhc.rate=300 -Dhc.gatewayUrl=http://...]   a Gatling simulation (report under",
            "                                  loadtest/target/gatling/)",
            "  jmh [JMH options]               JMH benchmarks (e.g. jmh -f 1 -wi 3 -i 5 Decode)",
            "  main CLASS [args]               any other main class of the kit",
            "JAVA_OPTS adds JVM options; HC_LT_BUILD=1 rebuilds the module first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed", "2:usage error (unknown option, malformed value)"})
public final class LoadtestCli {

    /** What a command returns while it keeps serving (the simulator): the process must not exit. */
    public static final int SERVING = -1;

    private LoadtestCli() {
    }

    /** Runs the command named by the arguments; exits unless it keeps serving. */
    public static void main(String[] args) {
        int rc = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        if (rc != SERVING) {
            System.exit(rc);
        }
    }

    /** Builds the command line writing to these streams; failures print one line, never a stack trace. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LoadtestCli()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            command.getErr().println(command.getCommandName() + ": " + message);
            return CommandLine.ExitCode.SOFTWARE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getCommandLine().getCommandName() + ": " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    /** Prints the kit's version, written into the classes at build time (the kit runs from classes, not a jar). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = LoadtestCli.class.getResourceAsStream("/hc-loadtest-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"hc-loadtest " + p.getProperty("version", "(version unknown: not built by Maven)")
                    + " (hc-gateway load-test kit)", "Java " + System.getProperty("java.version")};
        }
    }
}
