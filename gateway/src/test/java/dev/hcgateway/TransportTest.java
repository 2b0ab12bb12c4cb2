package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hcgateway.metrics.Telemetry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The network transport the gateway asks for: native epoll on Linux (its library travels in the jar), NIO elsewhere. */
class TransportTest {

    @Test
    void vertxOptions_onLinuxX86OrArm_loadNativeEpoll() throws Exception {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")));
        Vertx vertx = Telemetry.vertx(Telemetry.registry(), GatewayVerticle.vertxOptions());
        try {
            assertThat(vertx.isNativeTransportEnabled()).as("%s", vertx.unavailableNativeTransportCause()).isTrue();
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void vertxOptions_preferNativeButKeepNioAsFallback() {
        VertxOptions options = GatewayVerticle.vertxOptions();
        assertThat(options.getPreferNativeTransport()).isTrue();
        // Vert.x falls back to NIO when the native library cannot load; nothing else in the options depends on it.
        assertThat(options.getEventLoopPoolSize()).isEqualTo(new VertxOptions().getEventLoopPoolSize());
    }
}
