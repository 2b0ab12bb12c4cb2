package dev.hcgateway.http.edge;

import dev.hcgateway.config.GatewayConfig;
import dev.hcgateway.http.ApiError;
import dev.hcgateway.image.ImageFormat;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The parts of {@code POST /v1/verify/image} known before its body is read: the declared format (415 unless
 * PNG or JPEG), and the {@code scene} and {@code gate} query parameters (400 as for {@code /v1/verify}).
 */
final class ImageRequest {

    private ImageRequest() {
    }

    /** Parses the request line and headers; throws {@link ApiError.ApiException} on a bad request. */
    static Asked.Image parse(HttpServerRequest request, GatewayConfig config) {
        ImageFormat format = ImageFormat.ofContentType(request.getHeader("Content-Type"));
        if (format == null) {
            throw new ApiError(415, "unsupported_media_type",
                    "Send the image as Content-Type image/png or image/jpeg.", 0).exception();
        }
        return new Asked.Image(format, VerifyRequest.scene(single(request, "scene"), config),
                VerifyRequest.gate(single(request, "gate")));
    }

    private static String single(HttpServerRequest request, String name) {
        List<String> values = request.params().getAll(name);
        if (values.size() > 1) {
            throw ApiError.badRequest("invalid_query", "Give \"" + name + "\" at most once.").exception();
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
