package dev.hcgateway;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.CliRun;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.FakeStore;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.TestData;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
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
 * A colour change announced through one gateway's admin API reaches another gateway's cache within 1 s: two
 * gateways in online mode over one real Redis, with two stores played by Vert.x servers: Beijing's ({@value #BJ},
 * listed in {@code authority.issuers}) and the default store, which answers for Hangzhou ({@value #ZJ}). The same
 * subject string under each issuer is judged by that issuer's store, and an invalidation under one issuer reaches
 * the other gateway for that issuer only. The change event names the issuer beside the subjects as before, so a
 * gateway that knows no issuers drops the subjects (more, never less).
 */
@ExtendWith(VertxExtension.class)
class ColourInvalidationAcrossGatewaysTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private final Clock clock = Clock.systemUTC();
    private final SplittableRandom random = new SplittableRandom(3);
    private static final String ZJ = "330100";
    private static final String BJ = "110000";
    private final FakeStore store = new FakeStore();
    private final FakeStore bjStore = new FakeStore();
    private RedisFixture redis;
    private WebClient http;
    private int portA;
    private int portB;

    @BeforeEach
    void deploy(Vertx vertx) {
        redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
        http = WebClient.create(vertx);
        await(store.start(vertx));
        await(bjStore.start(vertx));
        Map<String, Object> shared = Map.of("redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix(),
                "authority.url", store.url(), "admin.token", TOKEN, "colour.budgetMs", 900,
                "authority.issuers", Map.of(BJ, Map.of("url", bjStore.url(), "token", "bj-t0ken")));
        portA = Gateways.deploy(vertx, shared, clock).port();
        portB = Gateways.deploy(vertx, shared, clock).port();
    }

    @AfterEach
    void close() {
        http.close();
        redis.close();
        await(store.close());
        await(bjStore.close());
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

    private String code(String issuer, String subject) {
        long now = clock.instant().getEpochSecond();
        return TestData.minter(issuer).mint(CodeClaims.typical(issuer, subject, Colour.GREEN, now - 5, 120,
                random::nextInt));
    }

    private HttpResponse<Buffer> invalidate(JsonObject body) {
        return await(http.post(portA, "127.0.0.1", "/admin/v1/invalidations").bearerTokenAuthentication(TOKEN)
                .sendJsonObject(body));
    }

    @Test
    void sameSubjectUnderTwoIssuers_eachJudgedByItsStore_invalidatedForOneIssuerOnly() {
        String subject = "s-both-" + random.nextInt(1_000_000);
        String zjCode = code(ZJ, subject);
        String bjCode = code(BJ, subject);
        store.colours.put(subject, "red");
        bjStore.colours.put(subject, "green");

        JsonObject zj = verify(portB, zjCode);
        JsonObject bj = verify(portB, bjCode);
        assertThat(zj.getString("decision")).isEqualTo("deny");
        assertThat(zj.getString("colour")).isEqualTo("red");
        assertThat(bj.getString("decision")).isEqualTo("pass");
        assertThat(bj.getString("source")).isEqualTo("authority");
        assertThat(store.bodies).containsExactly("{\"issuer\":\"330100\",\"subjects\":[\"" + subject + "\"]}");
        assertThat(bjStore.authorizations).as("a store's own token").containsExactly("Bearer bj-t0ken");
        assertThat(store.authorizations).as("the default store: no token configured").containsExactly("null");

        store.colours.put(subject, "green");
        bjStore.colours.put(subject, "red");
        HttpResponse<Buffer> stored = invalidate(new JsonObject().put("issuer", BJ).put("subjects", List.of(subject)));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.bodyAsJsonObject()).isEqualTo(new JsonObject().put("stored", true).put("subjects", 1)
                .put("issuer", BJ));

        Eventually.within(Duration.ofSeconds(2), "gateway B asks Beijing's store again",
                () -> "colour_red".equals(verify(portB, bjCode).getString("reason")));
        JsonObject zjAfter = verify(portB, zjCode);
        assertThat(zjAfter.getString("colour")).as("Hangzhou's colour (the default store's) of the same subject string kept").isEqualTo("red");
        assertThat(zjAfter.getString("source")).isEqualTo("cache");
        assertThat(store.requests.get()).isEqualTo(1);

        List<StreamMessage<String, String>> entries = redis.redis().xrange(redis.prefix() + "changes", Range.create("-", "+"));
        Map<String, String> last = entries.get(entries.size() - 1).getBody();
        assertThat(last).containsEntry("type", "invalidate").containsEntry("issuer", BJ)
                .as("the subjects as before: a gateway that knows no issuers drops them under every issuer")
                .containsEntry("subjects", subject);
    }

    @Test
    void invalidationWithABadIssuer_refused_theCommandLineSendsAGoodOne() {
        HttpResponse<Buffer> refused = invalidate(new JsonObject().put("issuer", "bj:1").put("subjects", List.of("s-1")));
        CliRun cli = CliRun.of("invalidate", "--url", "http://127.0.0.1:" + portA, "--token", TOKEN, "--subject", "s-1",
                "--issuer", BJ);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid_issuer");
        assertThat(cli.rc()).isZero();
        assertThat(cli.out()).contains("\"issuer\":\"110000\"");
    }
}
