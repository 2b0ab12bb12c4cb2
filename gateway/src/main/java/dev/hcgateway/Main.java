package dev.hcgateway;

import dev.hcgateway.cli.GatewayCli;
import dev.hcgateway.cli.ServeCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;

/**
 * Starts the gateway ({@code java -jar gateway.jar} or {@code ... serve}), or runs a tool of the same jar
 * ({@code keygen}, {@code jwk}, {@code mint}, {@code inspect}, {@code qr}, {@code revoke}, {@code invalidate},
 * {@code store}, {@code migrate}, {@code verify}, {@code trust};
 * {@code help} lists them). The command line itself is {@link GatewayCli}.
 *
 * <p>Exit codes: 0 done, 1 failure (of a tool, or of start-up: trust list unreadable, port taken...), 2 usage or
 * configuration error (the message names the option or the key), 143 after SIGTERM.
 */
public final class Main {

    /** Exit code of a configuration error. */
    static final int CONFIG_ERROR = GatewayCli.USAGE;

    private Main() {
    }

    /** Runs the command named by the arguments; none starts the gateway. */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("verify") || args[0].equals("trust"))) {
            // Before the first logger: standard output is for answers alone (docs/dcc.md).
            System.setProperty("HC_LOG_TARGET", "System.err");
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        int rc = GatewayCli.commandLine(out, err, System.getenv(), Clock.systemUTC())
                .execute(args.length == 0 ? new String[] {"serve"} : args);
        out.flush();
        err.flush();
        if (rc != ServeCommand.SERVING) {
            System.exit(rc);
        }
    }
}
