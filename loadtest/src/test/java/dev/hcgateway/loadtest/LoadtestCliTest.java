package dev.hcgateway.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** hc-loadtest's commands: help exits 0, misuse exits 2 with one message, never a stack trace. */
class LoadtestCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LoadtestCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pool", "authority"})
    void commandHelp_exitsZeroWithUsage(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: hc-loadtest " + command);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void misuse_exitsTwoWithoutAStackTrace() {
        assertThat(run("pool", "--size", "lots")).isEqualTo(2);
        assertThat(run("pool", "--size", "1", "--mix", "green=lots")).isEqualTo(2);
        assertThat(run("authority", "--latency", "sometimes")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("'lots' is not an int").contains("--mix").doesNotContain("\tat ");
    }

    @Test
    void pool_small_writesCodesTrustListAndKey(@TempDir Path dir) throws Exception {
        assertThat(run("pool", "--out", dir.toString(), "--size", "50", "--threads", "1")).as(err.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("codes.tsv"))).hasSizeGreaterThanOrEqualTo(50);
        assertThat(dir.resolve("trust.json")).exists();
        assertThat(out.toString()).contains("minted 50 codes");
    }

    @Test
    void version_printsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("hc-loadtest 0.").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void pool_issuerKey_isReadableByItsOwnerOnly_evenWhenRegenerated(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(run("pool", "--out", dir.toString(), "--size", "5", "--threads", "1")).as(err.toString())
                    .isZero();
            assertThat(Files.getPosixFilePermissions(dir.resolve("issuer.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
