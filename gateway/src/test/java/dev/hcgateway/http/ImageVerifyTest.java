package dev.hcgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.Colour;
import dev.hcgateway.issuer.QrImages;
import dev.hcgateway.support.Pictures;
import dev.hcgateway.support.TestData;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/verify/image} through a deployed gateway: QR pictures made with ZXing, and hostile bodies. */
class ImageVerifyTest extends DeployedGatewayTest {

    private Future<HttpResponse<Buffer>> post(byte[] body, String contentType, String query) {
        return client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_IMAGE + query)
                .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body));
    }

    private Future<HttpResponse<Buffer>> png(BufferedImage image) {
        return post(QrImages.encode(image, "png"), "image/png", "?scene=airport&gate=PVG-T2-KIOSK-3");
    }

    private static void assertPass(HttpResponse<Buffer> r, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("decision")).as(what).isEqualTo("pass");
        assertThat(r.bodyAsJsonObject().getString("issuer")).as(what).isEqualTo("330100");
    }

    @Test
    void image_qrPngsAtSeveralSizes_eachPasses(VertxTestContext ctx) {
        String code = codes.valid(Colour.GREEN);
        Future<Void> chain = Future.succeededFuture();
        for (int size : new int[]{80, 250, 900}) {
            chain = chain.compose(v -> png(QrImages.render(code, size)))
                    .map(r -> {
                        ctx.verify(() -> assertPass(r, size + " px"));
                        return null;
                    });
        }
        chain.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertThat(gateway.counted("hc_image_requests", "outcome", "found")).isEqualTo(3);
            assertThat(gateway.counted("hc_verify_decisions", "endpoint", Routes.VERIFY_IMAGE, "decision", "pass"))
                    .isEqualTo(3);
            assertThat(gateway.timed("hc_image_decode_duration", "result", "found")).isEqualTo(3);
            ctx.completeNow();
        })));
    }

    @Test
    void image_rotatedQuarterHalfAndSmallAngle_eachPasses(VertxTestContext ctx) {
        BufferedImage qr = QrImages.render(codes.valid(Colour.GREEN), 400);
        Future<Void> chain = Future.succeededFuture();
        for (double degrees : new double[]{90, 180, 12}) {
            chain = chain.compose(v -> png(Pictures.rotated(qr, degrees))).map(r -> {
                ctx.verify(() -> assertPass(r, degrees + " degrees"));
                return null;
            });
        }
        chain.onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void image_noisyQr_passes(VertxTestContext ctx) {
        // A fixed code (minted codes differ run to run: ECDSA signatures are randomised) and a fixed noise seed, so
        // the picture is the same in every run.
        String code = TestData.vectors().getJsonArray("cases").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("valid-green-personal")).findFirst().orElseThrow()
                .getString("code");
        BufferedImage noisy = Pictures.noisy(QrImages.render(code, 500), 50, 11);
        png(noisy).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertPass(r, "noisy");
            // Too noisy to binarize as it is: averaging 2 x 2 pixels is what reads it.
            assertThat(gateway.counted("hc_image_decode_attempts", "strategy", "hybrid", "found", "false")).isEqualTo(1);
            assertThat(gateway.counted("hc_image_decode_attempts", "strategy", "downscaled", "found", "true"))
                    .isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void image_qrInsideLargerPhotoLikeJpeg_passes(VertxTestContext ctx) {
        BufferedImage qr = QrImages.render(codes.valid(Colour.GREEN), 420);
        byte[] jpeg = QrImages.encode(Pictures.photo(1600, 1200, qr, 650, 380, 7, 3), "jpg");
        post(jpeg, "image/jpeg", "?scene=airport").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertPass(r, "photo");
            assertThat(r.bodyAsJsonObject().getString("kind")).isEqualTo("personal");
            ctx.completeNow();
        })));
    }

    @Test
    void image_proxyCode_answerCarriesKindAndRelation(VertxTestContext ctx) {
        png(QrImages.render(codes.proxy("parent"), 400)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertPass(r, "proxy");
            assertThat(r.bodyAsJsonObject().getString("kind")).isEqualTo("proxy");
            assertThat(r.bodyAsJsonObject().getString("relation")).isEqualTo("parent");
            ctx.completeNow();
        })));
    }

    @Test
    void image_qrOfForgedCode_is200DenyWithReason(VertxTestContext ctx) {
        png(QrImages.render(codes.tampered(), 400)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyAsJsonObject().getString("decision")).isEqualTo("deny");
            assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("bad_signature");
            ctx.completeNow();
        })));
    }

    @Test
    void image_photoWithoutCode_is422NoCodeFound(VertxTestContext ctx) {
        byte[] jpeg = QrImages.encode(Pictures.photo(800, 600, null, 0, 0, 0, 5), "jpg");
        post(jpeg, "image/jpeg", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("no_code_found");
            assertThat(gateway.counted("hc_image_requests", "outcome", "no_code")).isEqualTo(1);
            // Every strategy ran before giving up (a picture this large is downscaled, never upscaled).
            assertThat(gateway.counted("hc_image_decode_attempts", "found", "false")).isEqualTo(7);
            assertThat(gateway.counted("hc_image_decode_attempts", "strategy", "upscaled")).isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void image_pngHeaderClaims100000x100000Pixels_is413BeforeAnyDecode(VertxTestContext ctx) {
        byte[] bomb = Pictures.pngDeclaring(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        post(bomb, "image/png", "?scene=metro").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("image_too_large");
            assertThat(r.bodyAsJsonObject().getString("message")).contains("100000 x 100000");
            // Refused from the header: nothing reached the decode pool, no strategy ran.
            assertThat(gateway.timed("hc_image_decode_duration")).isZero();
            assertThat(gateway.counted("hc_image_decode_attempts")).isZero();
            assertThat(gateway.counted("hc_image_requests", "outcome", "refused")).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void image_pngJustOverPixelLimit_is413(VertxTestContext ctx) {
        post(Pictures.pngDeclaring(4001, 4000), "image/png", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("image_too_large");
            ctx.completeNow();
        })));
    }

    @Test
    void image_truncatedPng_is400InvalidImage(VertxTestContext ctx) {
        byte[] whole = QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 400), "png");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        post(half, "image/png", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("invalid_image");
            assertThat(gateway.timed("hc_image_decode_duration", "result", "unreadable")).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void image_jpegCutBeforeItsFrameHeader_is400InvalidImage(VertxTestContext ctx) {
        byte[] whole = QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 200), "jpg");
        post(Arrays.copyOf(whole, 20), "image/jpeg", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("invalid_image");
            assertThat(gateway.timed("hc_image_decode_duration")).as("refused from the header").isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void image_textBodyDeclaredPng_is400NotAnImage(VertxTestContext ctx) {
        post("{\"code\":\"HCN1:...\"}".getBytes(), "image/png", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not_an_image");
            ctx.completeNow();
        })));
    }

    @Test
    void image_pngBytesDeclaredJpeg_is400NotAnImage(VertxTestContext ctx) {
        byte[] png = QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 200), "png");
        post(png, "image/jpeg", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not_an_image");
            ctx.completeNow();
        })));
    }

    @Test
    void image_emptyBody_is400NotAnImage(VertxTestContext ctx) {
        post(new byte[0], "image/png", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not_an_image");
            ctx.completeNow();
        })));
    }

    @Test
    void image_gifContentType_is415(VertxTestContext ctx) {
        post(new byte[]{'G', 'I', 'F', '8', '9', 'a'}, "image/gif", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(415);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("unsupported_media_type");
            assertThat(gateway.counted("hc_image_requests", "outcome", "refused")).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void image_jsonContentType_is415(VertxTestContext ctx) {
        client.post(gateway.port(), "127.0.0.1", Routes.VERIFY_IMAGE)
                .sendJsonObject(new JsonObject().put("code", "x")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertThat(r.statusCode()).isEqualTo(415);
                    ctx.completeNow();
                })));
    }

    @Test
    void image_bodyOver4MiB_is413(VertxTestContext ctx) {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        System.arraycopy(Pictures.pngDeclaring(100, 100), 0, big, 0, 60);
        post(big, "image/png", "").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("body_too_large");
            assertThat(gateway.timed("hc_image_decode_duration")).isZero();
            assertThat(gateway.counted("hc_image_requests", "outcome", "refused")).isEqualTo(1);
            assertThat(gateway.counted("hc_requests_refused", "endpoint", Routes.VERIFY_IMAGE, "error", "body_too_large"))
                    .isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void image_unknownScene_is400UnknownScene(VertxTestContext ctx) {
        byte[] png = QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 200), "png");
        post(png, "image/png", "?scene=moon-base").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("unknown_scene");
            ctx.completeNow();
        })));
    }

    @Test
    void image_sceneGivenTwice_is400InvalidQuery(VertxTestContext ctx) {
        byte[] png = QrImages.encode(QrImages.render(codes.valid(Colour.GREEN), 200), "png");
        post(png, "image/png", "?scene=metro&scene=airport").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("invalid_query");
            ctx.completeNow();
        })));
    }
}
