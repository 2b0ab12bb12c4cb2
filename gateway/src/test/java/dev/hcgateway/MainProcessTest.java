package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start-up as an operator sees it: the real {@code Main} in its own JVM, with a bad environment. */
class MainProcessTest {

    private static Process start(String variable, String value) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().keySet().removeIf(k -> k.startsWith("HC_"));
        builder.environment().put(variable, value);
        builder.redirectErrorStream(true);
        return builder.start();
    }

    @Test
    void main_badEnvironmentValue_exitsWithCode2NamingTheKey() throws Exception {
        Process process = start("HC_HTTP_MAX_IN_FLIGHT", "lots");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(output).contains("configuration error: http.maxInFlight:").contains("\"lots\"");
    }
}
