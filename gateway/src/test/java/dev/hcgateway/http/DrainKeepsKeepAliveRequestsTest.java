package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (an undeploy) drains instead of cutting keep-alive connections: a request a client sends on its open
 * connection during the drain is answered, with {@code Connection: close}, and no fully sent request is lost.
 */
class DrainKeepsKeepAliveRequestsTest {

    private static final int CLIENTS = 20;
    private final ServerFixture fixture = new ServerFixture();
    private final List<RawHttp> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (RawHttp client : clients) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void keepAliveClientsSendingDuringTheDrain_loseNoRequest() throws Exception {
        int port = fixture.with("http.drainGraceMs", 10_000).with("http.shutdownGraceMs", 1000).start(2);
        String body = "{\"code\":\"" + fixture.code("s-drain") + "\"}";
        for (int i = 0; i < CLIENTS; i++) {
            RawHttp client = new RawHttp(port);
            assertThat(client.post(Routes.VERIFY, body)).startsWith("HTTP/1.1 200");
            clients.add(client);
        }

        Future<Void> undeployed = fixture.vertx.undeploy(fixture.deployment);
        awaitTrue(() -> !fixture.services.readiness().report().getBoolean("ready"));

        for (RawHttp client : clients) {
            assertThat(client.post(Routes.VERIFY, body)).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("connection: close").contains("\"subject\":\"s-drain\"");
            assertThat(client.closedByServer()).isTrue();
        }
        // Every connection has closed after its answer: the drain ends well before its 10 s grace.
        undeployed.await(5, TimeUnit.SECONDS);
    }
}
