package dev.hcgateway.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line of {@code gateway.jar}: the gateway itself ({@code serve}) and the tools of issuers and
 * operators. Parsing, help and errors are picocli's; each command's work sits in its own small class.
 *
 * <p>Exit codes: 0 done, 1 the command failed (file unreadable, gateway unreachable, refused change...), 2 usage
 * or configuration error (unknown option, missing or malformed value, bad configuration key).
 */
@Command(name = "java -jar gateway.jar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "hc-gateway: verifies signed health codes; also makes keys, mints, inspects and revokes codes.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%n", footer = {
            "Without a command the gateway starts (serve).",
            "'<command> --help' describes a command.",
            "Environment: HC_ADMIN_TOKEN stands in for --token of revoke and invalidate;",
            "HC_DEMO=true for serve --demo; HC_CONFIG, HC_TRUST_FILE, HC_HTTP_PORT...",
            "configure serve (README.md, \"Configuration\")."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed (the message says why)",
            "2:usage or configuration error (unknown option, bad value, bad config key)"})
public final class GatewayCli {

    /** Exit code of a usage or configuration error. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a failed command. */
    public static final int FAILED = CommandLine.ExitCode.SOFTWARE;

    private GatewayCli() {
    }

    /**
     * Builds the command line with its sub-commands, writing to {@code out} and {@code err}; {@code env} is the
     * process environment (read by serve, revoke and invalidate), {@code clock} the time of mint and inspect.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        CommandLine cli = new CommandLine(new GatewayCli())
                .addSubcommand(new ServeCommand(env))
                .addSubcommand(new KeygenCommand())
                .addSubcommand(new JwkCommand())
                .addSubcommand(new MintCommand(clock))
                .addSubcommand(new InspectCommand(clock))
                .addSubcommand(new QrCommand())
                .addSubcommand(new RevokeCommand(env))
                .addSubcommand(new InvalidateCommand(env))
                .addSubcommand("store", StoreCommand.commandLine(env))
                .addSubcommand(new MigrateCommand(env))
                .addSubcommand(new VerifyCommand(env, clock))
                .addSubcommand(new GateCommand(clock))
                .addSubcommand(new TrustCommand())
                .addSubcommand("help", new HelpCommand());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler(GatewayCli::failed);
        cli.setParameterExceptionHandler(GatewayCli::misused);
        return cli;
    }

    /**
     * Prints a failed command's reason on one line, without a stack trace, and returns 1; a configuration error
     * (a bad key or value, a setting the command needs left unset) is a usage error and returns 2.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        boolean config = e instanceof dev.hcgateway.config.ConfigException;
        String reason = e instanceof CliFailure ? e.getMessage() : describe(e);
        command.getErr().println(command.getCommandName() + ": " + (config ? "configuration error: " : "") + reason);
        command.getErr().flush();
        return config ? USAGE : FAILED;
    }

    /** Prints a usage error and where to read the usage, not the whole usage (it hides the message), and returns 2. */
    private static int misused(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE;
    }

    /** Returns an exception as text that says something even when its message is null. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
