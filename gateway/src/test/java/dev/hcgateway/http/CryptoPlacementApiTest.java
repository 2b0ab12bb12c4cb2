package dev.hcgateway.http;

import static dev.hcgateway.support.Gateways.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.CodeClaims;
import dev.hcgateway.support.Gateways;
import dev.hcgateway.support.MutableClock;
import dev.hcgateway.support.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** verify.offloadCrypto moves decode and verify to the worker pool; answers stay the same, in order. */
@ExtendWith(VertxExtension.class)
class CryptoPlacementApiTest {

    static final long NOW = 1_795_300_000L;

    @Test
    void offloadCrypto_singleAndBatch_answerAsInline(Vertx vertx) {
        var gateway = Gateways.deploy(vertx, Map.of("verify.offloadCrypto", true), new MutableClock(NOW));
        WebClient client = WebClient.create(vertx);
        SplittableRandom random = new SplittableRandom(5);
        var minter = TestData.minter("330100");
        String green = minter.mint(CodeClaims.typical("330100", "s-off-1", Colour.GREEN, NOW - 5, 300, random::nextInt));
        String red = minter.mint(CodeClaims.typical("330100", "s-off-2", Colour.RED, NOW - 5, 300, random::nextInt));
        JsonObject one = await(client.post(gateway.port(), "127.0.0.1", "/v1/verify")
                .sendJsonObject(new JsonObject().put("code", green))).bodyAsJsonObject();
        assertThat(one.getString("decision")).isEqualTo("pass");
        assertThat(one.getString("subject")).isEqualTo("s-off-1");
        JsonArray results = await(client.post(gateway.port(), "127.0.0.1", "/v1/verify/batch")
                .sendJsonObject(new JsonObject().put("codes", List.of(red, "HCN1:%%", green))))
                .bodyAsJsonObject().getJsonArray("results");
        assertThat(results.stream().map(r -> ((JsonObject) r).getString("reason")))
                .containsExactly("colour_red", "malformed", "ok");
    }
}
