package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.issuer.CodeMinter;
import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.model.Colour;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch, image and document routes pass the same edge as {@code /v1/verify}: a gate over its scene's rate gets
 * 429 with Retry-After while another gate is served at the same moment, and a batch costs one token per code.
 */
@ExtendWith(VertxExtension.class)
class EveryJudgedRouteIsRateLimitedTest {

    private static final long NOW = 1_795_300_000L;
    private final MutableClock clock = new MutableClock(NOW);
    private final CodeMinter minter = TestData.minter("330100");
    private final SplittableRandom random = new SplittableRandom(17);
    private WebClient client;

    @BeforeEach
    void deploy(Vertx vertx) {
        // 2 a second, 3 saved up: the fourth scan of a gate in the same instant is over its rate.
        var gateway = Gateways.deploy(vertx, Map.of("scenes.metro.rateLimit.perGatePerSecond", 2,
                "scenes.metro.rateLimit.burst", 3, "document.key", DocumentApiTest.KEY), clock);
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.port()));
    }

    private String code() {
        return minter.mint(CodeClaims.typical("330100", "s-edge-" + random.nextInt(1_000_000), Colour.GREEN,
                NOW - 10, 300, random::nextInt));
    }

    private HttpResponse<Buffer> batch(String gate, int codes) {
        JsonArray list = new JsonArray();
        for (int i = 0; i < codes; i++) {
            list.add(code());
        }
        return await(client.post(Routes.VERIFY_BATCH).sendJsonObject(new JsonObject().put("codes", list)
                .put("scene", "metro").put("gate", gate)));
    }

    private HttpResponse<Buffer> image(String gate) {
        Buffer png = Buffer.buffer(QrImages.encode(QrImages.render(code(), 300), "png"));
        return await(client.post(Routes.VERIFY_IMAGE + "?scene=metro&gate=" + gate)
                .putHeader("Content-Type", "image/png").sendBuffer(png));
    }

    private HttpResponse<Buffer> document(String gate) {
        return await(client.post(Routes.VERIFY_DOCUMENT).sendJsonObject(new JsonObject().put("type", "resident_id")
                .put("number", DocumentApiTest.NUMBER).put("scene", "metro").put("gate", gate)));
    }

    private static void assertRateLimited(HttpResponse<Buffer> answer) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(429);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("rate_limited");
    }

    @Test
    void batch_takesOneTokenPerCode_overItsRateGets429WhileOtherGateIsServed() {
        HttpResponse<Buffer> three = batch("gate-A", 3);
        assertThat(three.statusCode()).as(three.bodyAsString()).isEqualTo(200);
        assertThat(three.bodyAsJsonObject().getJsonArray("results")).hasSize(3);
        assertRateLimited(batch("gate-A", 1));
        assertThat(batch("gate-B", 3).statusCode()).as("another gate, the same instant").isEqualTo(200);
        // Half a second earns gate A one token: a batch of two must wait, a single code is served.
        clock.advanceMillis(500);
        assertRateLimited(batch("gate-A", 2));
        assertThat(batch("gate-A", 1).statusCode()).isEqualTo(200);
    }

    @Test
    void batchOverTheBurst_isServedFromAFullBucket_andItsGatePaysForEveryCode() {
        assertThat(batch("gate-C", 5).statusCode()).isEqualTo(200);
        // 3 - 5 = 2 tokens owed; one second earns 2, which only pays the debt.
        clock.advanceMillis(1000);
        assertRateLimited(batch("gate-C", 1));
        clock.advanceMillis(500);
        assertThat(batch("gate-C", 1).statusCode()).isEqualTo(200);
    }

    @Test
    void image_overItsGatesRate_gets429WhileOtherGateIsServed() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<Buffer> served = image("gate-A");
            assertThat(served.statusCode()).as(served.bodyAsString()).isEqualTo(200);
        }
        assertRateLimited(image("gate-A"));
        assertThat(image("gate-B").statusCode()).as("another gate, the same instant").isEqualTo(200);
    }

    @Test
    void document_overItsGatesRate_gets429WhileOtherGateIsServed() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<Buffer> served = document("gate-A");
            assertThat(served.statusCode()).as(served.bodyAsString()).isEqualTo(200);
        }
        assertRateLimited(document("gate-A"));
        assertThat(document("gate-B").statusCode()).as("another gate, the same instant").isEqualTo(200);
    }
}
