package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the shipped defaults, a gateway on a Redis without the revocation store's marker (never initialised, or
 * flushed) is not ready and judges nothing (503 not_ready), with Redis reported up and the key named; once an
 * operator runs {@code store init} it loads the store and judges. An empty Redis is never "nothing revoked".
 */
@ExtendWith(VertxExtension.class)
class NoMarkerJudgesNothingTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private final Clock clock = Clock.systemUTC();
    private Vertx vertx;
    private WebClient http;
    private RedisFixture redis;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.redis = new RedisFixture(RedisFixture.SHARED_URI);
    }

    @AfterEach
    void tearDown() {
        http.close();
        redis.close();
    }

    @Test
    void redisWithoutMarker_notReadyAndJudgesNothing_untilStoreInit() {
        int port = Gateways.await(Gateways.deploy(vertx, clock, Map.of("redis.uri", redis.uri(),
                "redis.keyPrefix", redis.prefix(), "redis.reconnectMaxDelayMs", 200, "admin.token", TOKEN))).port();
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", "s-1", Colour.GREEN,
                clock.instant().getEpochSecond() - 5, 600, new SecureRandom()));

        HttpResponse<Buffer> ready = get(port, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonObject revocations = ready.bodyAsJsonObject().getJsonObject("revocations");
        assertThat(revocations.getString("mirror")).isEqualTo("unloaded");
        assertThat(revocations.getBoolean("connected")).as("Redis answers; it holds no store").isTrue();
        assertThat(revocations.getString("problem")).contains(redis.prefix() + "revocations:epoch is missing")
                .contains("store init").doesNotContain("unreachable");
        HttpResponse<Buffer> refused = verify(port, code);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("not_ready");
        assertThat(redis.redis().get(redis.prefix() + "revocations:epoch")).as("no gateway creates it").isNull();
        HttpResponse<Buffer> export = Gateways.await(http.get(port, "127.0.0.1", "/admin/v1/revocations/export")
                .putHeader("Authorization", "Bearer " + TOKEN).send());
        assertThat(export.statusCode()).as("nothing to rebuild a store from").isEqualTo(503);
        assertThat(export.bodyAsJsonObject().getString("error")).isEqualTo("mirror_not_loaded");

        CliRun init = CliRun.of(Map.of("HC_REDIS_URI", redis.uri(), "HC_REDIS_KEY_PREFIX", redis.prefix()), clock,
                "store", "init");
        assertThat(init.rc()).isZero();

        Eventually.within(Duration.ofSeconds(5), "ready once initialised", () -> get(port, "/health/ready")
                .statusCode() == 200);
        HttpResponse<Buffer> judged = verify(port, code);
        assertThat(judged.statusCode()).isEqualTo(200);
        assertThat(judged.bodyAsJsonObject().getString("decision")).isEqualTo("pass");
    }

    private HttpResponse<Buffer> get(int port, String path) {
        return Gateways.await(http.get(port, "127.0.0.1", path).send());
    }

    private HttpResponse<Buffer> verify(int port, String code) {
        return Gateways.verify(http, port, code, "metro");
    }
}
