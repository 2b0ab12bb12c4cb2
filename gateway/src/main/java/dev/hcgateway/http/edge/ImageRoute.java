package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.http.ApiServices;
import dev.hcgateway.http.Routes;
import dev.hcgateway.image.DecodeResult;
import dev.hcgateway.image.HeaderProbe;
import dev.hcgateway.image.ImageMetrics;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.image.MemoryBudget;
import dev.hcgateway.image.ReservedBody;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Reads {@code POST /v1/verify/image}. What the head tells (format, scene, gate) is read first, so that the edge
 * refuses a runaway gate before its upload is read; then decoder room, the body under its budget, the header's
 * dimensions (before any pixel is decoded), and only then the image is decoded on the bounded decode pool and the
 * code found is judged like any other.
 */
final class ImageRoute implements JudgedRoute {

    private static final ApiError BUSY = ApiError.unavailable("image_busy",
            "Every image decoder is busy; retry shortly.", 1);
    private static final ApiError NO_CODE = new ApiError(422, "no_code_found",
            "No readable QR code was found in the image.", 0);

    private final ApiServices services;
    private final ImageScanner images;
    private final ImageUpload upload;

    ImageRoute(ApiServices services) {
        this.services = services;
        this.images = services.images();
        this.upload = new ImageUpload(images.budget(), images.config().maxBytes());
    }

    @Override
    public String path() {
        return Routes.VERIFY_IMAGE;
    }

    @Override
    public long timeoutMs() {
        return images.config().requestTimeoutMs();
    }

    @Override
    public Asked head(HttpServerRequest request) {
        return ImageRequest.parse(request, services.config());
    }

    @Override
    public Future<Asked> input(Exchange exchange, Asked asked) {
        if (!images.hasRoom()) {
            throw BUSY.exception();
        }
        Asked.Image image = (Asked.Image) asked;
        return upload.read(exchange).compose(body -> decode(exchange, body, image));
    }

    private Future<Asked> decode(Exchange exchange, ReservedBody upload, Asked.Image image) {
        if (exchange.over()) {
            return Future.failedFuture(BUSY.exception()); // its deadline passed: decoding it would help no one
        }
        byte[] body = upload.bytes(); // the very array the bytes were received into: no copy
        if (body == null) {
            return Future.failedFuture(ImageUpload.NO_ROOM.exception());
        }
        checkHeader(body, image);
        // The decode job holds the body's reservation until it ends, even if the request ends first (deadline).
        MemoryBudget.Reservation reservation = upload.reservation();
        if (!reservation.retain()) {
            return Future.failedFuture(BUSY.exception()); // the request is over already: nobody waits
        }
        Optional<Future<DecodeResult>> decoding;
        try {
            decoding = images.scan(body, image.format());
        } catch (RuntimeException e) {
            reservation.release(); // e.g. the pool closed under a shutdown
            throw e;
        }
        if (decoding.isEmpty()) {
            reservation.release();
            throw BUSY.exception();
        }
        decoding.get().onComplete(ended -> reservation.release());
        return decoding.get().compose(result -> found(result, image));
    }

    /** Refuses, from the header alone, a body that is not an image of its declared type or is too large. */
    private void checkHeader(byte[] body, Asked.Image image) {
        HeaderProbe probe = images.probe(body, image.format());
        if (probe instanceof HeaderProbe.NotImage n) {
            throw ApiError.badRequest("not_an_image", n.message()).exception();
        }
        if (probe instanceof HeaderProbe.Corrupt c) {
            throw ApiError.badRequest("invalid_image", c.message()).exception();
        }
        HeaderProbe.Dimensions size = (HeaderProbe.Dimensions) probe;
        if (size.pixels() > images.config().maxPixels()) {
            throw tooLarge(size.width() + " x " + size.height() + " pixels").exception();
        }
    }

    private Future<Asked> found(DecodeResult result, Asked.Image image) {
        if (result instanceof DecodeResult.Found found) {
            return Future.succeededFuture(new Asked.Code(found.text(), image.scene(), image.gate()));
        }
        if (result instanceof DecodeResult.Unreadable u) {
            return Future.failedFuture(ApiError.badRequest("invalid_image", u.message()).exception());
        }
        if (result instanceof DecodeResult.TooLarge t) {
            return Future.failedFuture(tooLarge(t.pixels() + " pixels").exception());
        }
        return Future.failedFuture(NO_CODE.exception());
    }

    private ApiError tooLarge(String what) {
        return new ApiError(413, "image_too_large", "The image is " + what + "; at most "
                + images.config().maxPixels() + " pixels are decoded.", 0);
    }

    @Override
    public void finished(ApiError refusal) {
        images.metrics().outcome(refusal == null ? ImageMetrics.Outcome.FOUND
                : refusal.status() == 422 ? ImageMetrics.Outcome.NO_CODE : ImageMetrics.Outcome.REFUSED);
    }
}
