package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A gate over its scene's rate gets 429 with Retry-After while other gates are served; time refills it. */
@ExtendWith(VertxExtension.class)
class RunawayGateIsRateLimitedTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(11);

    private WebClient client(Vertx vertx, Map<String, Object> overrides) {
        var gateway = Gateways.deploy(vertx, overrides, clock);
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    private HttpResponse<Buffer> verify(WebClient client, String gate) {
        String code = minter.mint(CodeClaims.typical("330100", "s-rl-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
        JsonObject body = new JsonObject().put("code", code).put("scene", "metro").put("gate", gate);
        return await(client.post("/v1/verify").sendJsonObject(body));
    }

    @Test
    void runawayGate_overItsRate_gets429WhileOtherGateIsServed(Vertx vertx) {
        WebClient client = client(vertx, Map.of("scenes.metro.rateLimit.perGatePerSecond", 2,
                "scenes.metro.rateLimit.burst", 3));
        for (int i = 0; i < 3; i++) {
            assertThat(verify(client, "gate-A").statusCode()).isEqualTo(200);
        }
        HttpResponse<Buffer> refused = verify(client, "gate-A");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("rate_limited");
        // The same moment, another gate of the same address and scene has its own bucket.
        assertThat(verify(client, "gate-B").statusCode()).isEqualTo(200);
        // Half a second later gate A has earned one token back (2 a second), and only one.
        clock.advanceMillis(500);
        assertThat(verify(client, "gate-A").statusCode()).isEqualTo(200);
        assertThat(verify(client, "gate-A").statusCode()).isEqualTo(429);
    }

    @Test
    void address_overItsRate_refusesEveryGateBehindIt_countedByScene(Vertx vertx) {
        Map<String, Object> o = new HashMap<>(Map.of("http.rateLimit.perSecond", 1, "http.rateLimit.burst", 2));
        WebClient client = client(vertx, o);
        assertThat(verify(client, "gate-1").statusCode()).isEqualTo(200);
        assertThat(verify(client, "gate-2").statusCode()).isEqualTo(200);
        // A device inventing gate ids is still one address.
        assertThat(verify(client, "gate-3").statusCode()).isEqualTo(429);
        String metrics = await(client.get("/metrics").send()).bodyAsString();
        assertThat(metrics).contains("hc_rate_limited_total{limit=\"address\",scene=\"metro\"} 1.0");
        assertThat(metrics).doesNotContain("gate-3");
    }
}
