package dev.hcgateway.passback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.http.Routes;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.RedisNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Redis, or while it is away, passback detection is per gateway: readiness says so and stays ready.
 * A private redis-server on this suite's port (19101) is killed for the second case.
 */
class PassbackWithoutRedisTest {

    private Vertx vertx;
    private WebClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> ready(Gateways.Deployed gateway) {
        return Gateways.await(client.get(gateway.port(), "127.0.0.1", Routes.READY).send());
    }

    private static String mode(HttpResponse<Buffer> ready) {
        JsonObject passback = ready.bodyAsJsonObject().getJsonObject("passback");
        return passback.getString("mode");
    }

    @Test
    void gatewayWithoutRedis_reportsLocalPassback_andIsReady() {
        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, new MutableClock(1_795_300_000L), Map.of()));

        HttpResponse<Buffer> ready = ready(gateway);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(mode(ready)).isEqualTo("local");
    }

    @Test
    void redisGoneAway_passbackTurnsLocal_gatewayStaysReady() throws Exception {
        try (RedisNode redis = new RedisNode(dir, 19101).start(null).initStore("hc:")) {
            Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, new MutableClock(1_795_300_000L),
                    Map.of("redis.uri", redis.uri(), "redis.reconnectMaxDelayMs", 300, "redis.streamBlockMs", 300,
                            "passback.sightingKey", "test-sighting-key-0123456789")));
            Eventually.within(Duration.ofSeconds(5), "sightings shared", () -> "fleet".equals(mode(ready(gateway))));

            redis.kill();

            Eventually.within(Duration.ofSeconds(5), "per gateway once Redis is gone",
                    () -> "local".equals(mode(ready(gateway))));
            assertThat(ready(gateway).statusCode()).isEqualTo(200);
            assertThat(gateway.gauge("hc.passback.sightings.fleet")).isZero();
        }
    }
}
