package dev.hcgateway;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
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
 * Two provinces through two real gateways over one Redis, each province with its own store on a real HTTP server:
 * the same subject string under each issuer is judged by that issuer's store, and an invalidation posted to one
 * gateway's admin API under one issuer reaches the other gateway for that issuer only. The change event names the
 * issuer beside the subjects as before, so a gateway that knows no issuers drops the subjects (more, never less).
 */
@ExtendWith(VertxExtension.class)
class ProvincesThroughTheGatewayTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String ZJ = "330100";
    private static final String BJ = "110000";
    private final Clock clock = Clock.systemUTC();
    private final SplittableRandom random = new SplittableRandom(26);
    private final FakeStore zjStore = new FakeStore();
    private final FakeStore bjStore = new FakeStore();
    private RedisFixture redis;
    private WebClient http;
    private int portA;
    private int portB;

    @BeforeEach
    void deploy(Vertx vertx) {
        redis = new RedisFixture(RedisFixture.SHARED_URI).initStore();
        http = WebClient.create(vertx);
        await(zjStore.start(vertx));
        await(bjStore.start(vertx));
        Map<String, Object> shared = Map.of("redis.uri", redis.uri(), "redis.keyPrefix", redis.prefix(),
                "admin.token", TOKEN, "colour.budgetMs", 900, "authority.issuers",
                Map.of(ZJ, Map.of("url", zjStore.url()), BJ, Map.of("url", bjStore.url(), "token", "bj-t0ken")));
        portA = Gateways.deploy(vertx, shared, clock).port();
        portB = Gateways.deploy(vertx, shared, clock).port();
    }

    @AfterEach
    void close() {
        http.close();
        redis.close();
        await(zjStore.close());
        await(bjStore.close());
    }

    private String code(String issuer, String subject) {
        long now = clock.instant().getEpochSecond();
        return TestData.minter(issuer).mint(CodeClaims.typical(issuer, subject, Colour.GREEN, now - 5, 120,
                random::nextInt));
    }

    private JsonObject verify(int port, String code) {
        return await(http.post(port, "127.0.0.1", "/v1/verify")
                .sendJsonObject(new JsonObject().put("code", code).put("scene", "metro"))).bodyAsJsonObject();
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
        zjStore.colours.put(subject, "red");
        bjStore.colours.put(subject, "green");

        JsonObject zj = verify(portB, zjCode);
        JsonObject bj = verify(portB, bjCode);
        assertThat(zj.getString("decision")).isEqualTo("deny");
        assertThat(zj.getString("colour")).isEqualTo("red");
        assertThat(bj.getString("decision")).isEqualTo("pass");
        assertThat(bj.getString("source")).isEqualTo("authority");
        assertThat(zjStore.bodies).containsExactly("{\"issuer\":\"330100\",\"subjects\":[\"" + subject + "\"]}");
        assertThat(bjStore.authorizations).as("a store's own token").containsExactly("Bearer bj-t0ken");
        assertThat(zjStore.authorizations).as("no token configured").containsExactly("null");

        zjStore.colours.put(subject, "green");
        bjStore.colours.put(subject, "red");
        HttpResponse<Buffer> stored = invalidate(new JsonObject().put("issuer", BJ).put("subjects", List.of(subject)));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.bodyAsJsonObject()).isEqualTo(new JsonObject().put("stored", true).put("subjects", 1)
                .put("issuer", BJ));

        Eventually.within(Duration.ofSeconds(2), "gateway B asks Beijing's store again",
                () -> "colour_red".equals(verify(portB, bjCode).getString("reason")));
        JsonObject zjAfter = verify(portB, zjCode);
        assertThat(zjAfter.getString("colour")).as("Hangzhou's colour of the same subject string kept").isEqualTo("red");
        assertThat(zjAfter.getString("source")).isEqualTo("cache");
        assertThat(zjStore.requests.get()).isEqualTo(1);

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
