package dev.hcgateway;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.FakeStore;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A colour change announced through one gateway's admin API reaches another gateway's cache within 1 s:
 * two gateways in online mode over one real Redis and one store played by a Vert.x server.
 */
@ExtendWith(VertxExtension.class)
class ColourInvalidationAcrossGatewaysTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private final Clock clock = Clock.systemUTC();
    private final SplittableRandom random = new SplittableRandom(3);
    private final FakeStore store = new FakeStore();
    private RedisFixture redis;
    private WebClient http;
    private int portA;
    private int portB;

    @BeforeEach
    void deploy(Vertx vertx) {
        redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
        http = WebClient.create(vertx);
        await(store.start(vertx));
        Map<String, Object> shared = Map.of("redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix(),
                "authority.url", store.url(), "admin.token", TOKEN);
        portA = Gateways.deploy(vertx, shared, clock).port();
        portB = Gateways.deploy(vertx, shared, clock).port();
    }

    @AfterEach
    void close() {
        http.close();
        redis.close();
        await(store.close());
    }

    private JsonObject verify(int port, String code) {
        return await(http.post(port, "127.0.0.1", "/v1/verify")
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro"))).bodyAsJsonObject();
    }

    @Test
    void invalidation_throughGatewayA_reachesCacheOfGatewayBWithinOneSecond() {
        long now = clock.instant().getEpochSecond();
        String subject = "s-across-" + random.nextInt(1_000_000);
        String code = TestData.minter("330100").mint(CodeClaims.typical("330100", subject, Colour.GREEN, now - 5, 120,
                random::nextInt));
        store.colours.put(subject, "green");
        assertThat(verify(portB, code).getString("source")).isEqualTo("authority");
        JsonObject cached = verify(portB, code);
        assertThat(cached.getString("source")).isEqualTo("cache");
        assertThat(cached.getString("decision")).isEqualTo("pass");

        // The back end turns the subject red and announces it through gateway A.
        store.colours.put(subject, "red");
        int status = await(http.post(portA, "127.0.0.1", "/admin/v1/invalidations").bearerTokenAuthentication(TOKEN)
                .sendJsonObject(new JsonObject().put("subjects", List.of(subject)))).statusCode();
        assertThat(status).isEqualTo(200);

        Eventually.within(Duration.ofSeconds(1), "gateway B denies the now-red subject",
                () -> "colour_red".equals(verify(portB, code).getString("reason")));
        JsonObject after = verify(portB, code);
        assertThat(after.getString("decision")).isEqualTo("deny");
        assertThat(after.getString("colour")).isEqualTo("red");
    }
}
