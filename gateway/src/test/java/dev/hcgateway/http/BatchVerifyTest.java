package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/verify/batch} through a deployed gateway. */
class BatchVerifyTest extends DeployedGatewayTest {

    @Override
    Map<String, Object> overrides() {
        return Map.of("http.maxInFlight", 8);
    }

    private Future<HttpResponse<Buffer>> post(Object body) {
        return client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_BATCH)
                .sendBuffer(body instanceof JsonObject json ? json.toBuffer() : Buffer.buffer(body.toString()));
    }

    private static JsonObject batch(String scene, Object codes) {
        return new JsonObject().put("scene", scene).put("gate", "PVG-T2-CHK-114").put("codes", codes);
    }

    @Test
    void batch_mixedCodes_eachJudgedOnItsOwnInOrder(VertxTestContext ctx) {
        JsonArray sent = new JsonArray()
                .add(codes.valid(Colour.GREEN))
                .add(codes.expired())
                .add(codes.tampered())
                .add("not a health code")
                .add(codes.issuerMismatch())
                .add(codes.valid(Colour.YELLOW))
                .add("HCN1:%%%")
                .add(codes.valid(Colour.RED));
        post(batch("airport", sent)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(200);
            JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
            assertThat(results).hasSize(sent.size());
            List<String> got = new ArrayList<>();
            results.forEach(o -> got.add(((JsonObject) o).getString("decision") + "/" + ((JsonObject) o).getString("reason")));
            assertThat(got).containsExactly("pass/ok", "deny/expired", "deny/bad_signature",
                    "deny/unsupported_format", "deny/issuer_mismatch", "manual/colour_yellow", "deny/malformed",
                    "deny/colour_red");
            assertThat(results.getJsonObject(0).getString("issuer")).isEqualTo("330100");
            assertThat(results.getJsonObject(0).getString("colour")).isEqualTo("green");
            assertThat(results.getJsonObject(0).getString("source")).isEqualTo("code");
            assertThat(results.getJsonObject(2).containsKey("subject")).as("a rejection reveals no claims").isFalse();
            assertThat(gateway.counted("hc_verify_decisions", "endpoint", Routes.VERIFY_BATCH, "scene", "airport"))
                    .isEqualTo(sent.size());
            assertThat(gateway.counted("hc_verify_decisions", "endpoint", Routes.VERIFY_BATCH, "reason", "bad_signature"))
                    .isEqualTo(1);
            assertThat(gateway.gauge("hc_requests_in_flight")).isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void batch_fiftyCodesOverInFlightLimit_allJudgedAndPermitsReleased(VertxTestContext ctx) {
        // maxInFlight is 8 here: a batch takes min(codes, limit) permits, so a full batch still fits an idle gateway.
        JsonArray sent = new JsonArray();
        for (int i = 0; i < 50; i++) { // 50: the most a batch may hold
            sent.add(i % 2 == 0 ? codes.valid(Colour.GREEN) : "garbage-" + i);
        }
        post(batch("metro", sent)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(200);
            JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
            assertThat(results).hasSize(50);
            for (int i = 0; i < 50; i++) {
                assertThat(results.getJsonObject(i).getString("reason")).as("slot " + i)
                        .isEqualTo(i % 2 == 0 ? "ok" : "unsupported_format");
            }
            assertThat(gateway.gauge("hc_requests_in_flight")).isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void batch_sameCodeTwice_judgedTwice(VertxTestContext ctx) {
        String code = codes.valid(Colour.GREEN);
        post(batch("metro", new JsonArray().add(code).add(code))).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
            assertThat(results).hasSize(2);
            assertThat(results.getJsonObject(0)).isEqualTo(results.getJsonObject(1));
            ctx.completeNow();
        })));
    }

    @Test
    void batch_noCodes_is400EmptyBatch(VertxTestContext ctx) {
        expectError(ctx, batch("metro", new JsonArray()), "empty_batch");
    }

    @Test
    void batch_51Codes_is400BatchTooLarge(VertxTestContext ctx) {
        JsonArray sent = new JsonArray();
        for (int i = 0; i < 51; i++) {
            sent.add("x");
        }
        expectError(ctx, batch("metro", sent), "batch_too_large");
    }

    @Test
    void batch_codesNotAList_is400InvalidCodes(VertxTestContext ctx) {
        expectError(ctx, batch("metro", codes.valid(Colour.GREEN)), "invalid_codes");
    }

    @Test
    void batch_nonStringItem_is400NamingItsIndex(VertxTestContext ctx) {
        JsonArray sent = new JsonArray().add(codes.valid(Colour.GREEN)).add(42).add(codes.valid(Colour.GREEN));
        post(batch("metro", sent)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("invalid_codes");
            assertThat(r.bodyAsJsonObject().getString("message")).contains("codes[1]");
            assertThat(gateway.counted("hc_verify_decisions")).as("nothing judged").isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void batch_nestedListItem_is400InvalidCodes(VertxTestContext ctx) {
        expectError(ctx, batch("metro", new JsonArray().add(new JsonArray().add("HCN1:"))), "invalid_codes");
    }

    @Test
    void batch_withoutCodes_is400MissingCodes(VertxTestContext ctx) {
        expectError(ctx, new JsonObject().put("scene", "metro"), "missing_codes");
    }

    @Test
    void batch_unknownScene_is400UnknownScene(VertxTestContext ctx) {
        expectError(ctx, batch("moon-base", new JsonArray().add(codes.valid(Colour.GREEN))), "unknown_scene");
    }

    @Test
    void batch_notJson_is400InvalidJson(VertxTestContext ctx) {
        expectError(ctx, "[\"HCN1:\"]", "invalid_json");
    }

    private void expectError(VertxTestContext ctx, Object body, String error) {
        post(body).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(error);
            assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
            assertThat(gateway.counted("hc_requests_refused", "endpoint", Routes.VERIFY_BATCH, "error", error))
                    .isEqualTo(1);
            ctx.completeNow();
        })));
    }
}
