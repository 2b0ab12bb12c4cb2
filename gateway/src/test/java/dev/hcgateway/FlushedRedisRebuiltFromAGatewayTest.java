package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.RedisServerProcess;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flushed Redis is rebuilt from a gateway that survived it: FLUSHALL under a running gateway, {@code store restore
 * --from} that gateway, and a gateway started afterwards denies every code revoked before the flush (by id and by
 * subject), while the survivor sees its generation come back and clears its alarm. A real redis-server.
 */
@ExtendWith(VertxExtension.class)
class FlushedRedisRebuiltFromAGatewayTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String PREFIX = "hc:";
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private Vertx vertx;
    private WebClient http;
    private RedisServerProcess redis;

    @TempDir
    Path redisDir;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.redis = new RedisServerProcess(redisDir).start().initStore(PREFIX);
    }

    @AfterEach
    void tearDown() {
        http.close();
        redis.close();
    }

    private int deploy() {
        return Gateways.await(Gateways.deploy(vertx, clock, Map.of("redis.uri", redis.uri(), "redis.keyPrefix", PREFIX,
                "admin.token", TOKEN, "redis.streamBlockMs", 300))).port();
    }

    private JsonObject verify(int port, String code) {
        HttpResponse<Buffer> r = Gateways.verify(http, port, code, "metro");
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private int revoke(int port, JsonObject body) {
        return Gateways.await(http.post(port, "127.0.0.1", "/admin/v1/revocations")
                .putHeader("Authorization", "Bearer " + TOKEN).sendJsonObject(body)).statusCode();
    }

    private JsonObject revocations(int port) {
        return Gateways.await(http.get(port, "127.0.0.1", "/health/ready").send()).bodyAsJsonObject()
                .getJsonObject("revocations");
    }

    @Test
    void flushUnderARunningGateway_restoreFromIt_aLaterGatewayDeniesEveryCodeRevokedBefore() throws Exception {
        int survivor = deploy();
        long now = clock.instant().getEpochSecond();
        List<String> revoked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CodeClaims claims = CodeClaims.typical("330100", "s-phone-" + i, Colour.GREEN, now - 5, 600, random);
            assertThat(revoke(survivor, new JsonObject().put("codeId", HexFormat.of().formatHex(claims.codeId()))))
                    .isEqualTo(200);
            revoked.add(TestData.minter("330100").mint(claims));
        }
        assertThat(revoke(survivor, new JsonObject().put("issuer", "330100").put("subject", "s-reissued")
                .put("issuedBefore", now))).isEqualTo(200);
        revoked.add(TestData.minter("330100").mint(CodeClaims.typical("330100", "s-reissued", Colour.GREEN, now - 5,
                600, random)));
        String otherIssuersSubject = TestData.minter("110000").mint(CodeClaims.typical("110000", "s-reissued",
                Colour.GREEN, now - 5, 600, random));

        try (RedisFixture direct = new RedisFixture(redis.uri(), PREFIX, false)) {
            direct.redis().flushall();
        }
        Eventually.within(Duration.ofSeconds(5), "the survivor sees the loss",
                () -> String.valueOf(revocations(survivor).getString("problem")).contains("lost"));
        int tooEarly = deploy();
        assertThat(revocations(tooEarly).getBoolean("serving")).as("a flushed store is not nothing revoked").isFalse();

        CliRun restore = CliRun.of(Map.of("HC_REDIS_URI", redis.uri(), "HC_ADMIN_TOKEN", TOKEN), clock,
                "store", "restore", "--from", "http://127.0.0.1:" + survivor);

        assertThat(restore.rc()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored 3 code ids and 1 subjects");
        Eventually.within(Duration.ofSeconds(5), "the survivor's generation is back: alarm cleared",
                () -> revocations(survivor).getString("problem") == null);
        int later = deploy();
        Eventually.within(Duration.ofSeconds(5), "the later gateway loads the rebuilt store",
                () -> revocations(later).getBoolean("serving"));
        for (String code : revoked) {
            assertThat(verify(later, code).getString("reason")).isEqualTo("revoked");
        }
        assertThat(verify(later, otherIssuersSubject).getString("decision")).as("another issuer's person").isEqualTo("pass");
        Eventually.within(Duration.ofSeconds(5), "the gateway that waited for a marker loads it too",
                () -> revocations(tooEarly).getBoolean("serving"));
        assertThat(verify(tooEarly, revoked.get(0)).getString("reason")).isEqualTo("revoked");
        assertThat(revoke(survivor, new JsonObject().put("codeId", "00112233445566778899aabb")))
                .as("writes are accepted again").isEqualTo(200);
    }
}
