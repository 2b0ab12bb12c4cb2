package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hcgateway.model.CodeKind;
import dev.hcgateway.model.Colour;
import dev.hcgateway.model.ColourSource;
import dev.hcgateway.config.ConfigException;
import dev.hcgateway.config.ConfigLoader;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import dev.hcgateway.model.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An expired international code answers colour grey with reason expired, as the international version showed
 * it; grey never passes; other expired codes carry no colour; a proxy code's answer names the relation.
 */
class ExpiredInternationalIsGreyTest extends DeployedGatewayTest {

    private static final long DAY = 86_400;

    @Test
    void batch_expiredInternationalGreyOthersColourless_proxyNamesRelation(VertxTestContext ctx) {
        JsonArray sent = new JsonArray()
                .add(codes.ofKind(CodeKind.INTERNATIONAL, Colour.GREEN, 3 * DAY, 2 * DAY))
                .add(codes.ofKind(CodeKind.PERSONAL, Colour.GREEN, 3 * DAY, 2 * DAY))
                .add(codes.ofKind(CodeKind.PAPER, Colour.GREEN, 15 * DAY, 30 * DAY))
                .add(codes.proxy("grandparent"));
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_BATCH)
                .sendJsonObject(new JsonObject().put("scene", "airport").put("codes", sent))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
                    JsonObject grey = results.getJsonObject(0);
                    assertThat(grey.getString("decision")).isEqualTo("deny");
                    assertThat(grey.getString("reason")).isEqualTo("expired");
                    assertThat(grey.getString("colour")).isEqualTo("grey");
                    assertThat(grey.getString("source")).isEqualTo("code");
                    assertThat(grey.containsKey("subject")).as("an invalid code reveals no subject").isFalse();
                    for (int i = 1; i <= 2; i++) {
                        JsonObject expired = results.getJsonObject(i);
                        assertThat(expired.getString("reason")).isEqualTo("expired");
                        assertThat(expired.containsKey("colour")).isFalse();
                    }
                    JsonObject proxy = results.getJsonObject(3);
                    assertThat(proxy.getString("kind")).isEqualTo("proxy");
                    assertThat(proxy.getString("relation")).isEqualTo("grandparent");
                    ctx.completeNow();
                })));
    }

    @Test
    void verify_singleExpiredInternational_isGreyOnTheStreamedPath(VertxTestContext ctx) {
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("scene", "airport")
                        .put("code", codes.ofKind(CodeKind.INTERNATIONAL, Colour.GREEN, 3 * DAY, 2 * DAY)))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertThat(r.bodyAsJsonObject().getString("colour")).isEqualTo("grey");
                    assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("expired");
                    ctx.completeNow();
                })));
    }

    @Test
    void grey_neverPasses_norCanAnySceneListIt() {
        var code = new dev.hcgateway.model.HealthCode("330100", "s", NOW, NOW + 1, new byte[8], Colour.GREEN, NOW,
                CodeKind.INTERNATIONAL, null, false);
        assertThatThrownBy(() -> new Verdict(Decision.PASS, Reason.OK, code, Colour.GREY, ColourSource.CODE, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigLoader().defaultsWith(Map.of("scenes.metro.pass", List.of("green", "grey"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenes.metro.pass");
    }
}
