package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up loads the native crypto provider and ImageIO's plugin registry (seconds under CPU contention) on a
 * worker thread, never on an event loop: a fresh JVM (nothing loaded yet, as in production) starting a gateway
 * with a stricter blocked-thread checker logs no blocked event loop, and logs the provider from a worker.
 */
class StartupKeepsEventLoopFreeTest {

    /**
     * The checker's limit: half the production one (2 s), below what loading ACCP and ImageIO on a loop took on a
     * contended CPU (2-3 s), above what deploying the server verticles' classes takes there (~0.6 s measured).
     */
    private static final long LIMIT_MS = 1000;

    @Test
    void freshJvmStart_strictBlockedThreadChecker_noEventLoopBlocked() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), Long.toString(LIMIT_MS));
        builder.environment().keySet().removeIf(k -> k.startsWith("HC_"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(output).contains("STARTED on port");
        List<String> blocked = output.lines().filter(l -> l.contains("has been blocked")
                && l.contains("eventloop")).toList();
        assertThat(blocked).as(output).isEmpty();
        // Where the provider was loaded: a worker, whatever the CPU's speed today.
        List<String> provider = output.lines().filter(l -> l.contains("ES256 verify provider")).toList();
        assertThat(provider).hasSize(1);
        assertThat(provider.get(0)).contains("\"threadName\":\"vert.x-worker-thread-").doesNotContain("eventloop");
    }
}
