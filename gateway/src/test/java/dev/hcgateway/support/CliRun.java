package dev.hcgateway.support;

import dev.hcgateway.cli.GatewayCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the jar's command line in this JVM with captured output.
 *
 * @param rc  the exit code the process would have
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record CliRun(int rc, String out, String err) {

    /** Runs {@code args} with this environment and clock. */
    public static CliRun of(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = GatewayCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env, clock).execute(args);
        return new CliRun(rc, out.toString(), err.toString());
    }

    /** Runs {@code args} with an empty environment and the system clock. */
    public static CliRun of(String... args) {
        return of(Map.of(), Clock.systemUTC(), args);
    }
}
