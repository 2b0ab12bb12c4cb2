package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.revocation.MirrorState;
import dev.hcgateway.trust.TrustListParser;
import dev.hcgateway.truststore.TrustStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/live} and {@code /health/ready} over a real server. Liveness depends on nothing; readiness
 * fails without a trust list, during shutdown, and when the revocation mirror is past its bound, but not
 * when Redis merely drops: a Redis blip must not take every gateway out of the balancer at once.
 */
class HealthEndpointsTest {

    private final ServerFixture fixture = new ServerFixture();
    private final SettableMirror mirror = new SettableMirror();
    private final Vertx clientVertx = Vertx.vertx();
    private WebClient client;

    private void start() throws Exception {
        fixture.revocations = mirror;
        int port = fixture.start(1);
        client = WebClient.create(clientVertx, new WebClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        clientVertx.close().await(5, TimeUnit.SECONDS);
        fixture.close();
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(path).send().await(5, TimeUnit.SECONDS);
    }

    @Test
    void ready_healthyGateway_200WithReport() throws Exception {
        start();
        HttpResponse<Buffer> ready = get(Routes.READY);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject report = ready.bodyAsJsonObject();
        assertThat(report.getBoolean("ready")).isTrue();
        assertThat(report.getJsonObject("trustList").getInteger("keys")).isEqualTo(2);
        assertThat(report.getJsonObject("revocations").getString("mode")).isEqualTo("redis");
        assertThat(report.getJsonObject("authority").getString("mode")).isEqualTo("offline");
    }

    @Test
    void ready_trustListNeverLoaded_503ButLive200() throws Exception {
        fixture.trust = new TrustStore(new TrustListParser(null), "/nonexistent/trust.json", fixture.registry);
        start();
        HttpResponse<Buffer> ready = get(Routes.READY);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsJsonObject().getJsonObject("trustList").getBoolean("loaded")).isFalse();
        assertThat(get(Routes.LIVE).statusCode()).isEqualTo(200);
    }

    @Test
    void ready_redisDisconnectedButMirrorServing_stays200AndSaysSo() throws Exception {
        start();
        for (int i = 0; i < 5; i++) {
            boolean connected = i % 2 == 0;
            mirror.state = new MirrorState("redis", connected ? MirrorState.Freshness.LIVE
                    : MirrorState.Freshness.STALE, "redis", connected, connected ? 0 : 1500, 10, true,
                    connected ? null : "connection refused");
            HttpResponse<Buffer> ready = get(Routes.READY);
            assertThat(ready.statusCode()).as("flap %d", i).isEqualTo(200);
            JsonObject revocations = ready.bodyAsJsonObject().getJsonObject("revocations");
            assertThat(revocations.getBoolean("connected")).isEqualTo(connected);
            assertThat(revocations.getLong("lagMillis")).isEqualTo(connected ? 0 : 1500);
        }
    }

    @Test
    void ready_mirrorPastItsStalenessBound_503WithTheProblem() throws Exception {
        start();
        mirror.state = new MirrorState("redis", MirrorState.Freshness.STALE, "redis", false, 600_000, 10, false,
                "mirror stale past revocation bound");
        HttpResponse<Buffer> ready = get(Routes.READY);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsJsonObject().getJsonObject("revocations").getString("problem"))
                .isEqualTo("mirror stale past revocation bound");
        assertThat(get(Routes.LIVE).statusCode()).isEqualTo(200);
    }

    @Test
    void ready_shuttingDown_503ButLive200() throws Exception {
        start();
        fixture.services.readiness().shutdown();
        HttpResponse<Buffer> ready = get(Routes.READY);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsJsonObject().getBoolean("shuttingDown")).isTrue();
        HttpResponse<Buffer> live = get(Routes.LIVE);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject().getBoolean("live")).isTrue();
    }
}
