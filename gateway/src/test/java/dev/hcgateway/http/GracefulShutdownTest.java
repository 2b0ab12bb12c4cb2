package dev.hcgateway.http;

import static dev.hcgateway.http.OverloadTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown, as SIGTERM runs it (Main's hook closes Vert.x, which undeploys the servers): readiness
 * fails at once, the listener closes, a request in flight still gets its answer, and a request that outlives
 * the grace period cannot hold the shutdown up.
 */
class GracefulShutdownTest {

    private final ServerFixture fixture = new ServerFixture();
    private final GatedColours stalledStore = new GatedColours();
    private Vertx clientVertx = Vertx.vertx();
    private WebClient client;

    @AfterEach
    void tearDown() throws Exception {
        clientVertx.close().await(5, TimeUnit.SECONDS);
        fixture.close();
    }

    private Future<HttpResponse<Buffer>> heldRequest(int port) throws Exception {
        client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"));
        Future<HttpResponse<Buffer>> answer = client.post(Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", fixture.code("s-inflight")));
        awaitTrue(() -> stalledStore.waiting() == 1);
        return answer;
    }

    @Test
    void undeploy_withARequestInFlight_failsReadinessClosesListenerAndFinishesTheRequest() throws Exception {
        fixture.colours = stalledStore;
        int port = fixture.with("http.shutdownGraceMs", 10_000).with("http.drainGraceMs", 100)
                .with("http.requestTimeoutMs", 30_000).start(2);
        Future<HttpResponse<Buffer>> answer = heldRequest(port);
        assertThat(fixture.services.readiness().report().getBoolean("ready")).isTrue();

        Future<Void> undeployed = fixture.vertx.undeploy(fixture.deployment);

        awaitTrue(() -> !fixture.services.readiness().report().getBoolean("ready"));
        assertThat(fixture.services.readiness().report().getBoolean("shuttingDown")).isTrue();
        awaitTrue(() -> !accepts(port));
        assertThat(undeployed.isComplete()).as("shutdown waits for the request in flight").isFalse();
        assertThat(answer.isComplete()).isFalse();

        stalledStore.release();
        HttpResponse<Buffer> finished = answer.await(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.bodyAsJsonObject().getString("subject")).isEqualTo("s-inflight");
        undeployed.await(10, TimeUnit.SECONDS);
    }

    @Test
    void undeploy_withARequestOutlivingTheGrace_completesAfterTheGraceAndDropsIt() throws Exception {
        fixture.colours = stalledStore;
        int port = fixture.with("http.shutdownGraceMs", 200).with("http.drainGraceMs", 100)
                .with("http.requestTimeoutMs", 30_000).start(1);
        Future<HttpResponse<Buffer>> answer = heldRequest(port);

        // The store never answers: the shutdown must still end, soon after the grace period.
        fixture.vertx.undeploy(fixture.deployment).await(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> answer.await(5, TimeUnit.SECONDS)).isNotInstanceOf(
                java.util.concurrent.TimeoutException.class);
    }

    @Test
    void undeploy_idleKeepAliveConnection_isClosed() throws Exception {
        int port = fixture.with("http.shutdownGraceMs", 5_000).with("http.drainGraceMs", 200).start(1);
        try (RawHttp idle = new RawHttp(port)) {
            assertThat(idle.get(Routes.LIVE)).startsWith("HTTP/1.1 200");
            fixture.vertx.undeploy(fixture.deployment).await(5, TimeUnit.SECONDS);
            assertThat(idle.closedByServer()).isTrue();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
