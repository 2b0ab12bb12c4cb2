package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.FakeStore;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway restarted while Redis is away comes back from its mirror on disk: ready within seconds in a declared
 * "stale" mode, denying what was revoked before and passing good codes, and follows Redis again once it returns,
 * without another restart. A restart while the store is down as well forgets none of the store's reds. Real
 * redis-server processes and a real HTTP store.
 */
@ExtendWith(VertxExtension.class)
class RestartDuringOutageTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String PREFIX = "hc:";
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private Vertx vertx;
    private WebClient http;
    private RedisServerProcess redis;
    private String deployment;

    @TempDir
    Path redisDir;
    @TempDir
    Path stateDir;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.redis = new RedisServerProcess(redisDir).start().initStore(PREFIX);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (deployment != null && vertx.deploymentIDs().contains(deployment)) {
            Gateways.await(vertx.undeploy(deployment));
        }
        http.close();
        redis.close();
    }

    private int deploy(Map<String, Object> more) {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", redis.uri(), "redis.keyPrefix", PREFIX,
                "admin.token", TOKEN, "state.dir", stateDir.toString(), "state.writeIntervalSeconds", 1,
                "redis.connectTimeoutMs", 300, "redis.reconnectMaxDelayMs", 300, "redis.streamBlockMs", 300,
                "http.drainGraceMs", 0));
        overrides.putAll(more);
        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, clock, overrides));
        deployment = gateway.verticle().deploymentID();
        return gateway.port();
    }

    private void restart() {
        Gateways.await(vertx.undeploy(deployment));
    }

    private CodeClaims claims(String subject, Colour colour) {
        return CodeClaims.typical("330100", subject, colour, clock.instant().getEpochSecond() - 5, 600, random);
    }

    private JsonObject verify(int port, String code) {
        HttpResponse<Buffer> r = Gateways.verify(http, port, code, "metro");
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> ready(int port) {
        return Gateways.await(http.get(port, "127.0.0.1", "/health/ready").send());
    }

    private boolean onDisk(String file, String text) {
        try {
            Path path = stateDir.resolve(file);
            return Files.exists(path) && Files.readString(path).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void revokedThenRedisStoppedThenRestarted_readyFromDiskStaleDeniesRevoked_followsRedisWhenItReturns()
            throws Exception {
        int first = deploy(Map.of());
        CodeClaims revoked = claims("s-lost-phone", Colour.GREEN);
        String revokedCode = TestData.minter("330100").mint(revoked);
        String revokedHex = HexFormat.of().formatHex(revoked.codeId());
        Gateways.await(http.post(first, "127.0.0.1", "/admin/v1/revocations").putHeader("Authorization",
                "Bearer " + TOKEN).sendJsonObject(new JsonObject().put("codeId", revokedHex)));
        Eventually.within(Duration.ofSeconds(5), "the mirror on disk holds the revocation",
                () -> onDisk("revocations.jsonl", revokedHex));

        redis.stopSaving();
        restart();
        long began = System.nanoTime();
        int again = deploy(Map.of());
        Eventually.within(Duration.ofSeconds(10), "ready from the mirror on disk", () -> ready(again).statusCode() == 200);
        long readyMs = (System.nanoTime() - began) / 1_000_000;

        assertThat(readyMs).as("ready within 10 s while Redis is away").isLessThan(10_000);
        assertThat(verify(again, revokedCode).getString("reason")).isEqualTo("revoked");
        String good = TestData.minter("330100").mint(claims("s-good", Colour.GREEN));
        assertThat(verify(again, good).getString("decision")).isEqualTo("pass");
        JsonObject revocations = ready(again).bodyAsJsonObject().getJsonObject("revocations");
        assertThat(revocations.getString("mirror")).isEqualTo("stale");
        assertThat(revocations.getString("loadedFrom")).isEqualTo("disk");
        assertThat(revocations.getBoolean("connected")).isFalse();
        assertThat(revocations.getString("problem")).contains("on-disk mirror");
        assertThat(metric(again, "hc_revocation_mirror_state{state=\"stale\"}")).isEqualTo("1.0");

        redis.start();
        CodeClaims later = claims("s-later", Colour.GREEN);
        String laterHex = HexFormat.of().formatHex(later.codeId());
        try (RedisFixture direct = new RedisFixture(redis.uri(), PREFIX, false)) {
            direct.redis().sadd(PREFIX + "revocations:codes", laterHex);
            direct.redis().xadd(PREFIX + "changes", Map.of("type", "code", "id", laterHex));
        }
        Eventually.within(Duration.ofSeconds(10), "follows Redis again without a restart", () -> "revoked".equals(
                verify(again, TestData.minter("330100").mint(later)).getString("reason")));
        Eventually.within(Duration.ofSeconds(5), "live again", () -> "live".equals(
                ready(again).bodyAsJsonObject().getJsonObject("revocations").getString("mirror")));
        assertThat(verify(again, revokedCode).getString("reason")).isEqualTo("revoked");
    }

    @Test
    void storeAndRedisDownThenRestarted_theStoresRedStillDenies() throws Exception {
        FakeStore store = Gateways.await(new FakeStore().start(vertx));
        store.colours.put("s-red", "red");
        store.asOf = clock.instant().getEpochSecond();
        int first = deploy(Map.of("authority.url", store.url()));
        String code = TestData.minter("330100").mint(claims("s-red", Colour.GREEN)); // signed green, red at the store
        Eventually.within(Duration.ofSeconds(5), "the store says red (a cold first lookup may miss the budget)",
                () -> "red".equals(verify(first, code).getString("colour")));
        Eventually.within(Duration.ofSeconds(5), "the red is kept on disk", () -> onDisk("reds.jsonl", "s-red"));

        store.mode = FakeStore.Mode.RESET;
        redis.stopSaving();
        restart();
        int again = deploy(Map.of("authority.url", store.url()));
        Eventually.within(Duration.ofSeconds(10), "ready from disk", () -> ready(again).statusCode() == 200);

        JsonObject answer = verify(again, code);
        assertThat(answer.getString("decision")).as("the store's red, remembered across the restart").isEqualTo("deny");
        assertThat(answer.getString("colour")).isEqualTo("red");
        assertThat(answer.getBoolean("degraded")).isTrue();
        Gateways.await(store.close());
    }

    private String metric(int port, String series) {
        String text = Gateways.await(http.get(port, "127.0.0.1", "/metrics").send()).bodyAsString();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return line.substring(series.length() + 1);
            }
        }
        return null;
    }
}
