package dev.hcgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's static checkers are required, never skipped: {@code .ci/checkers.sh} (run by {@code .ci/test}, which {@code .ci/run} runs) fails when
 * promtool or the Kubernetes manifest validator is missing, and passes (validating every manifest) when they are
 * there. Without it, the alert-rule tests would be skipped silently on a machine without promtool.
 */
class CiRequiresItsCheckersTest {

    private static final Path SCRIPT = Path.of("..", ".ci", "checkers.sh");

    private static Process check(String path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString(), "--check").redirectErrorStream(true);
        builder.environment().put("PATH", path);
        return builder.start();
    }

    @Test
    void checkersMissing_ciFailsNamingThem(@TempDir Path bin) throws Exception {
        // A PATH with the shell's own helpers only: no promtool, no node.
        Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
        Process process = check(bin.toString());
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isOne();
        assertThat(output).contains("required checker missing: promtool (Debian package prometheus)")
                .contains("required checker missing: node");
    }

    @Test
    void checkersPresent_everyManifestValidated() throws Exception {
        Assumptions.assumeTrue(DockerfileTest.onPath("promtool")
                && Files.isDirectory(Path.of("..", ".ci", "k8s-validate", "node_modules")),
                "checkers not installed here (.ci/checkers.sh installs them)");
        Process process = check(System.getenv("PATH"));
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("StatefulSet/hc-gateway").contains(" 0 failed");
    }
}
