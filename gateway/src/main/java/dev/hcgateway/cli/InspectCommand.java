package dev.hcgateway.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Decodes a code without verifying it and prints its id, kid and claims. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decode a code (no verification): its id to revoke, kid, claims, times.",
            "The id is the cti in lower-case hex, as revoke --code-id takes it;",
            "times are ISO-8601."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CODE", description = "the code (HCN1:...); '-' or none reads stdin")
    private String code;

    @Option(names = "--json", description = "print one JSON object")
    private boolean json;

    @Option(names = "--field", paramLabel = "NAME",
            description = "print only this field's value: id, kid, issuer, subject, kind, relation, colour, "
                    + "colourAsOf, vaccinated, iat, exp, expired")
    private String field;

    private final Clock clock;

    InspectCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        String text = code == null || code.equals("-") ? firstLineOfStdin() : code;
        if (text == null || text.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no code given (as an argument or on stdin)");
        }
        Map<String, Object> fields = new CodeInspection().fields(text, clock.instant());
        if (field != null && !fields.containsKey(field)) {
            throw new ParameterException(spec.commandLine(), "--field: no field '" + field + "'; one of " + fields.keySet());
        }
        spec.commandLine().getOut().println(field != null ? String.valueOf(fields.get(field))
                : json ? CodeInspection.json(fields) : CodeInspection.text(fields));
        return 0;
    }

    private static String firstLineOfStdin() throws java.io.IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
    }
}
