package dev.hcgateway;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.RedisServerProcess;
import dev.hcgateway.support.TestData;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways sharing one Redis, driven over HTTP: the admin API on one, verification on the other. */
@ExtendWith(VertxExtension.class)
class GatewayRevocationTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private final CodeMinter minter = TestData.minter("330100");
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private Vertx vertx;
    private WebClient http;
    private RedisFixture redis;
    private RedisServerProcess privateRedis;
    private final List<String> deployments = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        this.http = WebClient.create(vertx);
        this.redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (String id : deployments) {
                if (vertx.deploymentIDs().contains(id)) {
                    await(vertx.undeploy(id));
                }
            }
        } finally {
            http.close();
            redis.close();
            if (privateRedis != null) {
                privateRedis.close();
            }
        }
    }

    /** A deployed gateway: its port and deployment id. */
    private record Gateway(int port, String deployment) {
    }

    private Gateway deploy(String redisUri) throws Exception {
        Map<String, Object> overrides = new HashMap<>(Map.of("redis.uri", redisUri, "redis.keyPrefix", redis.prefix(),
                "http.port", 0, "http.instances", 1, "http.host", "127.0.0.1", "admin.token", TOKEN));
        GatewayVerticle gateway = new GatewayVerticle(Gateways.config(overrides), clock,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        String id = await(vertx.deployVerticle(gateway));
        deployments.add(id);
        // A first load slowed by a busy machine is retried in the background; nothing is judged until it is done.
        Eventually.within(Duration.ofSeconds(10), "the gateway loaded its mirror", () -> {
            return await(http.get(gateway.port(), "127.0.0.1", "/health/ready").send()
                    .map(r -> r.statusCode() == 200).otherwise(false));
        });
        return new Gateway(gateway.port(), id);
    }

    private Gateway deploy() throws Exception {
        return deploy(redis.uri());
    }

    private CodeClaims claims(String subject, long issuedAt) {
        return CodeClaims.typical("330100", subject, Colour.GREEN, issuedAt, 120, random);
    }

    private String reasonAt(Gateway g, String code) throws Exception {
        HttpResponse<Buffer> r = await(http.post(g.port(), "127.0.0.1", "/v1/verify")
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro")));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject().getString("reason");
    }

    private HttpResponse<Buffer> admin(Gateway g, String path, String token, Buffer body) throws Exception {
        var request = http.post(g.port(), "127.0.0.1", path).putHeader("Content-Type", "application/json");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return await(request.sendBuffer(body));
    }

    private HttpResponse<Buffer> admin(Gateway g, String path, JsonObject body) throws Exception {
        return admin(g, path, TOKEN, body.toBuffer());
    }

    private boolean revokedAt(Gateway g, String code) {
        try {
            return "revoked".equals(reasonAt(g, code));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void revokeCode_viaOneGatewaysAdminApi_otherAnswersRevokedWithinOneSecond() throws Exception {
        Gateway a = deploy();
        Gateway b = deploy();
        CodeClaims claims = claims("s-phone-lost", clock.instant().getEpochSecond());
        String code = minter.mint(claims);
        assertThat(reasonAt(b, code)).isEqualTo("ok");

        HttpResponse<Buffer> stored = admin(a, "/admin/v1/revocations",
                new JsonObject().put("codeId", HexFormat.of().formatHex(claims.codeId())));

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.bodyAsJsonObject().getBoolean("stored")).isTrue();
        assertThat(reasonAt(a, code)).isEqualTo("revoked");
        long took = Eventually.within(PROPAGATION, "gateway B answers revoked", () -> revokedAt(b, code));
        assertThat(took).isLessThan(1000);
        assertThat(reasonAt(b, minter.mint(claims("s-phone-lost", clock.instant().getEpochSecond()))))
                .as("another code of the subject").isEqualTo("ok");
    }

    @Test
    void revokeSubject_viaAdminApi_olderCodesRevokedNewerOnesPass() throws Exception {
        Gateway a = deploy();
        Gateway b = deploy();
        long now = clock.instant().getEpochSecond();
        String older = minter.mint(claims("s-reissued", now - 60));
        String newer = minter.mint(claims("s-reissued", now));

        assertThat(admin(a, "/admin/v1/revocations",
                new JsonObject().put("subject", "s-reissued").put("issuedBefore", now - 30)).statusCode())
                .isEqualTo(200);

        Eventually.within(PROPAGATION, "older code revoked on B", () -> revokedAt(b, older));
        assertThat(reasonAt(b, newer)).isEqualTo("ok");
        assertThat(reasonAt(a, newer)).isEqualTo("ok");
    }

    @Test
    void revokeSubjectOfOneIssuer_viaAdminApi_thatIssuersCodesRevokedTheSameSubjectElsewhereNot() throws Exception {
        Gateway a = deploy();
        Gateway b = deploy();
        long now = clock.instant().getEpochSecond();
        String hangzhou = minter.mint(claims("s-shared", now - 60));
        String beijing = TestData.minter("110000").mint(CodeClaims.typical("110000", "s-shared", Colour.GREEN,
                now - 60, 120, random));

        HttpResponse<Buffer> stored = admin(a, "/admin/v1/revocations", new JsonObject().put("issuer", "330100")
                .put("subject", "s-shared").put("issuedBefore", now));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.bodyAsJsonObject().getString("issuer")).isEqualTo("330100");

        Eventually.within(PROPAGATION, "330100's code revoked on B", () -> revokedAt(b, hangzhou));
        assertThat(reasonAt(b, beijing)).as("the same subject string under 110000 is another person").isEqualTo("ok");
        assertThat(reasonAt(a, beijing)).isEqualTo("ok");
        assertThat(redis.redis().hget(redis.prefix() + "revocations:issuer-subjects", "330100:s-shared"))
                .isEqualTo(Long.toString(now));
        HttpResponse<Buffer> badIssuer = admin(a, "/admin/v1/revocations", new JsonObject().put("issuer", "hz")
                .put("subject", "s-shared").put("issuedBefore", now));
        assertThat(badIssuer.statusCode()).isEqualTo(400);
        assertThat(badIssuer.bodyAsJsonObject().getString("error")).isEqualTo("invalid_issuer");
    }

    @Test
    void invalidation_viaOneGatewaysAdminApi_reachesTheOtherWithinOneSecond() throws Exception {
        Gateway a = deploy();
        Gateway b = deploy();

        HttpResponse<Buffer> stored = admin(a, "/admin/v1/invalidations",
                new JsonObject().put("subjects", new JsonArray().add("s-1").add("s-2")));

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.bodyAsJsonObject().getInteger("subjects")).isEqualTo(2);
        // B's colour service is offline (no cache to drop): its follower's count shows the entry arrived.
        Eventually.within(PROPAGATION, "gateway B applied the invalidation",
                () -> metricsOf(b).contains("hc_revocation_events_applied_total{type=\"invalidate\"} 1.0"));
    }

    private String metricsOf(Gateway g) {
        return await(http.get(g.port(), "127.0.0.1", "/metrics").send()).bodyAsString();
    }

    @Test
    void revocations_gatewayRestarted_stillRevoked() throws Exception {
        Gateway a = deploy();
        CodeClaims claims = claims("s-1", clock.instant().getEpochSecond());
        String code = minter.mint(claims);
        admin(a, "/admin/v1/revocations", new JsonObject().put("codeId", HexFormat.of().formatHex(claims.codeId())));
        await(vertx.undeploy(a.deployment()));

        Gateway restarted = deploy();

        assertThat(reasonAt(restarted, code)).isEqualTo("revoked");
    }

    @Test
    void revokeCli_throughAdminApi_revokedOnTheOtherGateway() throws Exception {
        Gateway a = deploy();
        Gateway b = deploy();
        CodeClaims claims = claims("s-cli", clock.instant().getEpochSecond());
        String code = minter.mint(claims);
        String hex = HexFormat.of().formatHex(claims.codeId());

        // The CLI blocks on its HTTP call: run it off the test's Vert.x threads.
        CliRun run = CliRun.of("revoke", "--url", "http://127.0.0.1:" + a.port(), "--token", TOKEN, "--code-id", hex);

        assertThat(run.rc()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("200 ");
        Eventually.within(PROPAGATION, "gateway B answers revoked", () -> revokedAt(b, code));
    }

    @Test
    void adminApi_withoutOrWithWrongToken_401AndNothingStored() throws Exception {
        Gateway a = deploy();
        Buffer body = new JsonObject().put("codeId", "00112233445566778899aabb").toBuffer();

        assertThat(admin(a, "/admin/v1/revocations", null, body).statusCode()).isEqualTo(401);
        HttpResponse<Buffer> wrong = admin(a, "/admin/v1/revocations", TOKEN + "x", body);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
        assertThat(admin(a, "/admin/v1/invalidations", null,
                new JsonObject().put("subjects", new JsonArray().add("s-1")).toBuffer()).statusCode()).isEqualTo(401);
        assertThat(redis.redis().exists(redis.prefix() + "revocations:codes")).isZero();
    }

    @Test
    void adminApi_badInput_400NamingTheProblem() throws Exception {
        Gateway a = deploy();
        Map<String, String> cases = Map.of(
                "{\"codeId\": \"xyz\"}", "invalid_code_id",
                "{\"codeId\": \"0011\"}", "invalid_code_id",
                "{\"subject\": \"s-1\"}", "invalid_issued_before",
                "{\"subject\": \"s-1\", \"issuedBefore\": -1}", "invalid_issued_before",
                "{\"subject\": \"\", \"issuedBefore\": 5}", "invalid_subject",
                "{\"codeId\": \"00112233445566778899aabb\", \"subject\": \"s\", \"issuedBefore\": 5}", "invalid_revocation",
                "{}", "invalid_revocation",
                "not json", "invalid_json");
        for (var c : cases.entrySet()) {
            HttpResponse<Buffer> r = admin(a, "/admin/v1/revocations", TOKEN, Buffer.buffer(c.getKey()));
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).as(c.getKey()).isEqualTo(c.getValue());
        }
        HttpResponse<Buffer> empty = admin(a, "/admin/v1/invalidations", new JsonObject().put("subjects", new JsonArray()));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.bodyAsJsonObject().getString("error")).isEqualTo("invalid_subjects");
        assertThat(redis.redis().exists(redis.prefix() + "changes")).isZero();
    }

    @Test
    void adminApi_redisDown_503AndTheMirrorStillJudges() throws Exception {
        privateRedis = new RedisServerProcess(dir).start();
        try (RedisFixture direct = new RedisFixture(privateRedis.uri(), redis.prefix(), false)) {
            direct.initStore();
        }
        Gateway a = deploy(privateRedis.uri());
        CodeClaims claims = claims("s-1", clock.instant().getEpochSecond());
        String code = minter.mint(claims);
        admin(a, "/admin/v1/revocations", new JsonObject().put("codeId", HexFormat.of().formatHex(claims.codeId())));
        privateRedis.stopSaving();

        HttpResponse<Buffer> refused = admin(a, "/admin/v1/revocations",
                new JsonObject().put("codeId", "00112233445566778899aabb"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("store_unavailable");
        assertThat(reasonAt(a, code)).isEqualTo("revoked");
        HttpResponse<Buffer> ready = await(http.get(a.port(), "127.0.0.1", "/health/ready").send());
        assertThat(ready.statusCode()).as("a Redis blip does not fail readiness").isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getJsonObject("revocations").getString("mode")).isEqualTo("redis");
    }

    @Test
    void metrics_afterARevocation_exposeTheMirror() throws Exception {
        Gateway a = deploy();
        admin(a, "/admin/v1/revocations", new JsonObject().put("codeId", "00112233445566778899aabb"));

        Eventually.within(PROPAGATION, "the stream entry is applied",
                () -> metricsOf(a).contains("hc_revocation_events_applied_total{type=\"code\"} 1.0"));
        String text = metricsOf(a);
        assertThat(text).contains("hc_revocation_mirror_entries{kind=\"code\"} 1.0")
                .contains("hc_revocation_mirror_lag_seconds ")
                .contains("hc_revocation_redis_connected 1.0")
                .contains("hc_revocation_mirror_stale 0.0")
                .contains("hc_revocation_store_lost 0.0")
                .contains("hc_revocation_resyncs_total{reason=\"start\"} 1.0")
                .contains("hc_revocation_mirror_bytes ");
    }
}
