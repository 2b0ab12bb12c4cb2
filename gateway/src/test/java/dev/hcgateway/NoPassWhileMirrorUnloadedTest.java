package dev.hcgateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Eventually;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.RedisFixture;
import dev.hcgateway.support.TcpProxy;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No judged answer is {@code pass} while the revocation mirror is not loaded: requests race the gateway's start
 * against a real Redis it cannot reach at first, on the single and the batch route; until the mirror is loaded
 * every answer is {@code 503 not_ready}, afterwards the revoked code is denied.
 */
@ExtendWith(VertxExtension.class)
class NoPassWhileMirrorUnloadedTest {

    private final Clock clock = Clock.systemUTC();
    private RedisFixture redis;
    private TcpProxy proxy;
    private WebClient http;
    private Vertx vertx;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        redis = new RedisFixture(RedisFixture.SHARED_URI);
        proxy = new TcpProxy("127.0.0.1", 6379);
        http = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        http.close();
        proxy.close();
        redis.close();
    }

    @Test
    void requestsRacingStartUp_neverPass_notReadyUntilLoadedThenRevoked() throws Exception {
        CodeClaims claims = CodeClaims.typical("330100", "s-racer", Colour.GREEN, clock.instant().getEpochSecond(),
                600, new SecureRandom());
        String revoked = TestData.minter("330100").mint(claims);
        redis.initStore();
        redis.redis().sadd(redis.prefix() + "revocations:codes", HexFormat.of().formatHex(claims.codeId()));
        proxy.cut(); // Redis away at start: the gateway starts alive, its mirror unloaded
        Gateways.Deployed gateway = Gateways.await(Gateways.deploy(vertx, clock, Map.of(
                "redis.uri", "redis://127.0.0.1:" + proxy.port() + "/0", "redis.keyPrefix", redis.prefix(),
                "redis.connectTimeoutMs", 200, "redis.reconnectMaxDelayMs", 200)));

        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Thread> racers = new ArrayList<>();
        for (String route : List.of("/v1/verify", "/v1/verify/batch")) {
            Thread racer = new Thread(() -> race(gateway.port(), route, revoked, answers), "racer " + route);
            racer.start();
            racers.add(racer);
        }
        Eventually.within(Duration.ofSeconds(5), "answers while unloaded", () -> answers.size() >= 20);
        proxy.restore();
        Eventually.within(Duration.ofSeconds(10), "the revoked code denied once loaded",
                () -> answers.contains("/v1/verify/batch 200 deny revoked") && answers.contains("/v1/verify 200 deny revoked"));
        racers.forEach(Thread::interrupt);
        for (Thread racer : racers) {
            racer.join(5000);
        }

        assertThat(answers).as("every answer: not ready, or denied").allMatch(a -> a.endsWith(" 503 not_ready")
                || a.endsWith(" 200 deny revoked"));
        assertThat(answers).contains("/v1/verify 503 not_ready", "/v1/verify/batch 503 not_ready");
    }

    /** Sends the code again and again until interrupted, noting "route status decision-or-error reason" each time. */
    private void race(int port, String route, String code, ConcurrentLinkedQueue<String> answers) {
        JsonObject body = route.endsWith("batch") ? new JsonObject().put("codes", new JsonArray().add(code))
                : new JsonObject().put("code", code);
        while (!Thread.currentThread().isInterrupted()) {
            HttpResponse<Buffer> r;
            try {
                r = Gateways.await(http.post(port, "127.0.0.1", route).sendJsonObject(body.copy().put("scene", "metro")));
            } catch (AssertionError e) {
                return; // interrupted while waiting
            }
            JsonObject json = r.bodyAsJsonObject();
            JsonObject answer = route.endsWith("batch") && r.statusCode() == 200
                    ? json.getJsonArray("results").getJsonObject(0) : json;
            answers.add(route + " " + r.statusCode() + " " + (r.statusCode() == 200
                    ? answer.getString("decision") + " " + answer.getString("reason") : json.getString("error")));
        }
    }
}
