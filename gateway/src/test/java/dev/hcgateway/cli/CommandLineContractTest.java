package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.CliRun;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What every command promises: help and version exit 0, a usage error exits 2 with a message, never a trace. */
class CommandLineContractTest {

    private static final List<String> COMMANDS =
            List.of("serve", "keygen", "jwk", "mint", "inspect", "qr", "revoke", "invalidate");

    @ParameterizedTest
    @ValueSource(strings = {"serve", "keygen", "jwk", "mint", "inspect", "qr", "revoke", "invalidate"})
    void commandHelp_exitsZeroPrintingItsUsage_withoutDoingTheWork(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.rc()).isZero();
        assertThat(run.out()).contains("Usage: java -jar gateway.jar " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help_listsEveryCommandAndTheExitCodes() {
        for (String[] args : new String[][] {{"help"}, {"--help"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.rc()).isZero();
            assertThat(run.out()).contains(COMMANDS).contains("Exit codes:")
                    .contains("0   done").contains("1   the command failed").contains("2   usage or configuration error");
        }
    }

    @Test
    void version_exitsZeroNamingTheProduct() {
        CliRun run = CliRun.of("--version");
        assertThat(run.rc()).isZero();
        assertThat(run.out()).startsWith("hc-gateway ");
    }

    @Test
    void mintHelp_statesTheDefaultLifetime() {
        assertThat(CliRun.of("mint", "--help").out()).contains("--ttl=SECONDS").contains("default: 120 s")
                .contains("A code lives 120 s");
    }

    @Test
    void unknownCommandOrOption_exitsTwoNamingIt() {
        CliRun command = CliRun.of("frobnicate");
        CliRun option = CliRun.of("serve", "--prot", "9999");
        CliRun missing = CliRun.of("mint", "--issuer", "X");

        assertThat(command.rc()).isEqualTo(2);
        assertThat(command.err()).contains("frobnicate");
        assertThat(option.rc()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown options: '--prot'")
                .contains("Try 'java -jar gateway.jar serve --help'.");
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required options").contains("--key").contains("--subject");
    }

    @Test
    void typedOptions_malformedValue_exitsTwoNamingTheOption() {
        CliRun colour = CliRun.of("mint", "--key", "k", "--issuer", "X", "--subject", "s", "--colour", "blue");
        CliRun ttl = CliRun.of("mint", "--key", "k", "--issuer", "X", "--subject", "s", "--ttl", "soon");
        CliRun port = CliRun.of("serve", "--port", "99999");

        assertThat(colour.rc()).isEqualTo(2);
        assertThat(colour.err()).contains("--colour").contains("'blue' is not green, yellow, orange or red");
        assertThat(ttl.rc()).isEqualTo(2);
        assertThat(ttl.err()).contains("--ttl");
        assertThat(port.rc()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be in 0..65535");
    }

    @Test
    void failure_missingKeyFile_exitsOneWithOneLineNamingTheFile() {
        CliRun run = CliRun.of("mint", "--key", "/nonexistent/x.key", "--issuer", "X", "--subject", "s");

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("mint: no such file: /nonexistent/x.key");
    }

    @Test
    void migrate_withoutAStoreUrl_isAConfigurationError_exitTwoNamingTheVariable() {
        CliRun run = CliRun.of("migrate");

        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("migrate: configuration error: passages.url is not set: set "
                + "HC_PASSAGES_URL (postgresql://user@host:5432/db)");
    }

    @Test
    void offlineCommand_badConfigurationValue_exitsTwoNamingTheVariable() {
        CliRun run = CliRun.of(java.util.Map.of("HC_VERIFY_DEFAULT_SCENE", "beach"), java.time.Clock.systemUTC(),
                "verify", "--trust", "../config/demo/trust.json", "HCN1:X");

        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("verify.defaultScene").contains("HC_VERIFY_DEFAULT_SCENE");
    }
}
