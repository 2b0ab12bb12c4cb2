package dev.hcgateway.http;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.image.ImageFormat;
import dev.hcgateway.model.Scene;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The parts of {@code POST /v1/verify/image} known before its body is read: the declared format (415 unless
 * PNG or JPEG), and the {@code scene} and {@code gate} query parameters (400 as for {@code /v1/verify}).
 *
 * @param startNanos when the request arrived, for the verify latency
 */
record ImageRequest(ImageFormat format, Scene scene, String gate, long startNanos) {

    /** Parses the request line and headers; throws {@link ApiError.ApiException} on a bad request. */
    static ImageRequest parse(RoutingContext ctx, GatewayConfig config) {
        ImageFormat format = ImageFormat.ofContentType(ctx.request().getHeader("Content-Type"));
        if (format == null) {
            throw new ApiError(415, "unsupported_media_type",
                    "Send the image as Content-Type image/png or image/jpeg.", 0).exception();
        }
        return new ImageRequest(format, VerifyRequest.scene(single(ctx, "scene"), config),
                VerifyRequest.gate(single(ctx, "gate")), System.nanoTime());
    }

    private static String single(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.size() > 1) {
            throw ApiError.badRequest("invalid_query", "Give \"" + name + "\" at most once.").exception();
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
