package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** Proxy and paper codes carry their kind (and the holder's relation) in every answer, so a desk can show it. */
class CodeKindAnswerTest extends DeployedGatewayTest {

    @Test
    void verify_proxyCode_answerCarriesKindProxyAndRelation(VertxTestContext ctx) {
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", codes.proxy("parent")).put("scene", "metro"))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    JsonObject answer = r.bodyAsJsonObject();
                    assertThat(answer.getString("decision")).isEqualTo("pass");
                    assertThat(answer.getString("kind")).isEqualTo("proxy");
                    assertThat(answer.getString("relation")).isEqualTo("parent");
                    ctx.completeNow();
                })));
    }

    @Test
    void verify_paperCodePrintedLongerAgoThanScreenshotBound_passesWithKindPaper(VertxTestContext ctx) {
        // metro refuses phone codes older than 180 s; paper codes are exempt and must say what they are.
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", codes.paper(3600)).put("scene", "metro"))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    JsonObject answer = r.bodyAsJsonObject();
                    assertThat(answer.getString("decision")).isEqualTo("pass");
                    assertThat(answer.getString("kind")).isEqualTo("paper");
                    assertThat(answer.containsKey("relation")).isFalse();
                    ctx.completeNow();
                })));
    }

    @Test
    void verify_paperCodeWithStaleSnapshot_manualStillCarriesKind(VertxTestContext ctx) {
        // Printed 3 days ago: offline, its colour is too old for metro (1 day), so the fallback decides.
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY)
                .sendJsonObject(new JsonObject().put("code", codes.paper(3 * 86400)).put("scene", "metro"))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    JsonObject answer = r.bodyAsJsonObject();
                    assertThat(answer.getString("decision")).isEqualTo("manual");
                    assertThat(answer.getString("reason")).isEqualTo("authority_unavailable");
                    assertThat(answer.getString("kind")).isEqualTo("paper");
                    ctx.completeNow();
                })));
    }

    @Test
    void batch_proxyPaperAndPersonal_eachCarriesItsKind(VertxTestContext ctx) {
        JsonArray sent = new JsonArray().add(codes.proxy("guardian")).add(codes.paper(600))
                .add(codes.valid(Colour.GREEN));
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_BATCH)
                .sendJsonObject(new JsonObject().put("scene", "airport").put("codes", sent))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
                    assertThat(results.getJsonObject(0).getString("kind")).isEqualTo("proxy");
                    assertThat(results.getJsonObject(0).getString("relation")).isEqualTo("guardian");
                    assertThat(results.getJsonObject(1).getString("kind")).isEqualTo("paper");
                    assertThat(results.getJsonObject(2).getString("kind")).isEqualTo("personal");
                    assertThat(results.getJsonObject(2).containsKey("relation")).isFalse();
                    ctx.completeNow();
                })));
    }
}
