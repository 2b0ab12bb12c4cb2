package dev.hcgateway.passback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.http.Routes;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without Redis, passback detection is per gateway: readiness says so, and stays ready. */
class PassbackWithoutRedisTest {

    @Test
    void gatewayWithoutRedis_reportsLocalPassback_andIsReady() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, new MutableClock(1_795_300_000L),
                    Map.of()));
            HttpResponse<Buffer> ready = Gateways.await(WebClient.create(vertx)
                    .get(gateway.port(), "127.0.0.1", Routes.READY).send());

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.bodyAsJsonObject().getJsonObject("passback").getString("mode")).isEqualTo("local");
            assertThat(gateway.gauge("hc.passback.sightings.fleet")).isNaN();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }
}
