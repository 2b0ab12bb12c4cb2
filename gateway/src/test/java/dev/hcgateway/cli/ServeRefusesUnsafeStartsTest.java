package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * serve refuses to start on the demo trust list, or to publish sightings under the demo key, unless asked; and a
 * taken port is named in the error.
 */
class ServeRefusesUnsafeStartsTest {

    @Test
    void noTrustList_withoutDemo_exitsTwoSayingHowToChoose() {
        CliRun run = CliRun.of("serve", "--port", "0");

        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("no trust list").contains("HC_TRUST_FILE").contains("--demo")
                .contains("HC_DEMO=true");
    }

    @Test
    void redisWithTheDemoSightingKey_withoutDemo_exitsTwoNamingTheKey() {
        CliRun run = CliRun.of(Map.of("HC_TRUST_FILE", "../config/demo/trust.json", "HC_REDIS_URI",
                "redis://127.0.0.1:6379/0"), Clock.systemUTC(), "serve", "--port", "0");

        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("passback.sightingKey").contains("HC_PASSBACK_SIGHTING_KEY");
    }

    @Test
    void hcDemoFalse_isNoPermission() {
        assertThat(CliRun.of(Map.of("HC_DEMO", "false"), Clock.systemUTC(), "serve").rc()).isEqualTo(2);
    }

    @Test
    void hcDemoNeitherTrueNorFalse_exitsTwoNamingTheVariable() {
        CliRun run = CliRun.of(Map.of("HC_DEMO", "yes"), Clock.systemUTC(), "serve", "--port", "0");

        assertThat(run.rc()).isEqualTo(2);
        assertThat(run.err()).contains("HC_DEMO must be true or false, got \"yes\"");
    }

    @Test
    void takenPort_exitsOneNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            CliRun run = CliRun.of("serve", "--demo", "--host", "127.0.0.1", "--port", Integer.toString(port));

            assertThat(run.rc()).isEqualTo(1);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + port + " (port " + port + ")")
                    .contains("--port or HC_HTTP_PORT");
        }
    }
}
