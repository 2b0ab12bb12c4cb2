package dev.hcgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hcgateway.support.CliRun;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** revoke and invalidate tell the operator what went wrong, naming the gateway's URL; an empty token is refused. */
class AdminCommandErrorsTest {

    private static final String ID = "00112233445566778899aabb";
    private static final String TOKEN = "an-admin-token-0123456789";

    @Test
    void emptyToken_isAUsageError_notSent() {
        CliRun revoke = CliRun.of("revoke", "--token", "", "--code-id", ID);
        CliRun invalidate = CliRun.of("invalidate", "--token", " ", "--subject", "s-1");
        CliRun none = CliRun.of("revoke", "--code-id", ID);

        assertThat(revoke.rc()).isEqualTo(2);
        assertThat(revoke.err()).contains("--token").contains("must not be empty");
        assertThat(invalidate.rc()).isEqualTo(2);
        assertThat(none.rc()).isEqualTo(2);
        assertThat(none.err()).contains("Missing --token (or HC_ADMIN_TOKEN)");
    }

    @Test
    void malformedCodeIdOrTargets_areUsageErrors() {
        assertThat(CliRun.of("revoke", "--token", TOKEN, "--code-id", "xyz").err()).contains("is not a code id");
        assertThat(CliRun.of("revoke", "--token", TOKEN, "--code-id", ID, "--subject", "s", "--issued-before", "1").rc())
                .isEqualTo(2);
        assertThat(CliRun.of("revoke", "--token", TOKEN, "--subject", "s").rc()).isEqualTo(2);
    }

    @Test
    void gatewayDown_exitsOneNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        CliRun run = CliRun.of(Map.of("HC_ADMIN_TOKEN", TOKEN), Clock.systemUTC(), "revoke", "--url", url, "--code-id", ID);

        assertThat(run.rc()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("revoke: cannot reach the gateway at " + url
                + ": connection refused (is it running, on this port?)");
        assertThat(run.err()).doesNotContain("null");
    }

    @Test
    void gatewayWithoutAdminApi_404_saysToSetTheAdminToken() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun run = CliRun.of("invalidate", "--url", url, "--token", TOKEN, "--subject", "s-1");

            assertThat(run.rc()).isEqualTo(1);
            assertThat(run.out()).startsWith("404 ");
            assertThat(run.err()).contains("the gateway at " + url + " has no admin API (404)")
                    .contains("HC_ADMIN_TOKEN");
        } finally {
            server.stop(0);
        }
    }
}
