package dev.hcgateway;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway whose Redis answers late or slowly: it starts alive but unready and
 * becomes ready once Redis answers; an admin write that timed out says its outcome is unknown, and its retry
 * is safe. Real redis-server processes on this suite's ports (23130..23149).
 */
@ExtendWith(VertxExtension.class)
class RedisLateOrSlowGatewayTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private Vertx vertx;
    private WebClient http;
    private RedisNode redis;
    private String deployment;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (deployment != null) {
                await(vertx.undeploy(deployment));
            }
        } finally {
            http.close();
            if (redis != null) {
                redis.close();
            }
        }
    }

    private int deploy(int redisPort, Map<String, Object> more) throws Exception {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", "redis://127.0.0.1:" + redisPort + "/0",
                "redis.keyPrefix", "hc:", "http.port", 0, "http.instances", 1, "http.host", "127.0.0.1",
                "admin.token", TOKEN, "redis.connectTimeoutMs", 200, "redis.reconnectMaxDelayMs", 300,
                "redis.streamBlockMs", 300));
        overrides.putAll(more);
        GatewayVerticle gateway = new GatewayVerticle(Gateways.config(overrides), Clock.systemUTC(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        deployment = await(vertx.deployVerticle(gateway));
        return gateway.port();
    }

    private int status(int port, String path) throws Exception {
        return await(http.get(port, "127.0.0.1", path).send()).statusCode();
    }

    private HttpResponse<Buffer> revoke(int port, String idHex) throws Exception {
        return await(http.post(port, "127.0.0.1", "/admin/v1/revocations")
                .putHeader("Authorization", "Bearer " + TOKEN)
                .sendJsonObject(new JsonObject().put("codeId", idHex)));
    }

    @Test
    void redisAnswersOnlyLater_gatewayStartsAliveButUnready_readyOnceLoaded() throws Exception {
        int port = deploy(23141, Map.of());

        assertThat(status(port, "/health/live")).isEqualTo(200);
        assertThat(status(port, "/health/ready")).as("nothing to judge revocations by yet").isEqualTo(503);

        redis = new RedisNode(dir, 23141).start(null).initStore("hc:");
        Eventually.within(Duration.ofSeconds(10), "ready once Redis answers and the mirror is loaded",
                () -> statusOrZero(port, "/health/ready") == 200);
        assertThat(revoke(port, "00112233445566778899aabb").statusCode()).isEqualTo(200);
    }

    @Test
    void adminWriteTimedOut_answersOutcomeUnknown_retryGivesTheSameState() throws Exception {
        redis = new RedisNode(dir, 23131).start(null).initStore("hc:");
        int port = deploy(23131, Map.of("redis.commandTimeoutMs", 100));
        Eventually.within(Duration.ofSeconds(10), "ready", () -> statusOrZero(port, "/health/ready") == 200);

        // Redis holds write commands for a second: the script times out here but runs once the pause ends.
        redis.command("CLIENT", "PAUSE", "1000", "WRITE");
        HttpResponse<Buffer> first = revoke(port, "0102030405060708090a0b0c");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.bodyAsJsonObject().getString("error")).isEqualTo("store_outcome_unknown");
        assertThat(first.bodyAsJsonObject().getString("message")).contains("Retrying is safe");
        Eventually.within(Duration.ofSeconds(5), "the timed-out write ran later",
                () -> redis.command("SISMEMBER", "hc:revocations:codes", "0102030405060708090a0b0c").contains("1"));

        assertThat(revoke(port, "0102030405060708090a0b0c").statusCode()).isEqualTo(200);
        assertThat(redis.command("SCARD", "hc:revocations:codes")).as("applied twice, the same state").contains("1");
    }

    private int statusOrZero(int port, String path) {
        return await(http.get(port, "127.0.0.1", path).send().map(r -> r.statusCode()).otherwise(0));
    }
}
