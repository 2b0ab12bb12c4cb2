package dev.hcgateway.http;

import dev.hcgateway.image.DecodeResult;
import dev.hcgateway.image.HeaderProbe;
import dev.hcgateway.image.ImageMetrics;
import dev.hcgateway.image.ImageScanner;
import dev.hcgateway.model.Outcome;
import dev.hcgateway.image.MemoryBudget;
import dev.hcgateway.image.ReservedBody;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.Optional;

/**
 * Serves {@code POST /v1/verify/image}. Cheap refusals come first and on the event loop: content type, query,
 * gate identity and rate ({@link Edge#enter}), pool room and body budget (before the body is read), then the
 * header's dimensions (before any pixel is decoded). Only then is the image decoded, on the bounded decode pool,
 * and the code found judged like any other.
 */
final class ImageHandler implements Handler<RoutingContext> {

    private static final String REQUEST = "hc.image.request";
    private static final String JUDGING = "hc.image.judging";
    private static final ApiError BUSY = ApiError.unavailable("image_busy",
            "Every image decoder is busy; retry shortly.", 1);
    private static final ApiError NO_CODE = new ApiError(422, "no_code_found",
            "No readable QR code was found in the image.", 0);

    private final ApiServices services;
    private final Edge edge;
    private final ImageScanner images;

    ImageHandler(ApiServices services) {
        this.services = services;
        this.edge = new Edge(services);
        this.images = services.images();
    }

    /** Mounts the route: its own timeout, the checks, the budgeted body reader, the handler, outcome counting. */
    void mount(Route route) {
        var limits = images.config();
        route.handler(TimeoutHandler.create(limits.requestTimeoutMs(), 503))
                .handler(new Precheck())
                .handler(new ImageUpload(images.budget(), limits.maxBytes()))
                .handler(this)
                .failureHandler(this::countFailure);
    }

    /**
     * Refuses what can be refused before the body is read. A platform handler, because Vert.x orders user
     * handlers after the body handler, and these checks exist to spare reading up to 4 MiB.
     */
    private final class Precheck implements PlatformHandler {
        @Override
        public void handle(RoutingContext ctx) {
            ImageRequest request = ImageRequest.parse(ctx, services.config());
            // Gate and rate first: a runaway gate is refused before its upload is read or a decoder is asked.
            Edge.Judging judging = edge.enter(Routes.VERIFY_IMAGE, request.startNanos(), ctx.request(),
                    request.scene(), request.gate(), 1);
            if (!images.hasRoom()) {
                throw BUSY.exception();
            }
            ctx.put(REQUEST, request);
            ctx.put(JUDGING, judging);
            ctx.next();
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return; // timed out while the body was arriving: decoding it would help no one
        }
        ImageRequest request = ctx.get(REQUEST);
        ReservedBody upload = ctx.get(ImageUpload.BODY);
        byte[] body = upload.bytes(); // the very array the bytes were received into: no copy
        if (body == null) {
            throw ImageUpload.NO_ROOM.exception();
        }
        checkHeader(body, request);
        // The decode job holds the body's reservation until it ends, even if the request ends first (timeout).
        MemoryBudget.Reservation reservation = upload.reservation();
        if (!reservation.retain()) {
            return; // the request is over already: nobody waits for a decode
        }
        Edge.Admitted admitted = edge.admit(1);
        Edge.Judging judging = ctx.get(JUDGING);
        Optional<Future<DecodeResult>> decoding;
        try {
            decoding = images.scan(body, request.format());
        } catch (RuntimeException e) {
            admitted.release(); // e.g. the pool closed under a shutdown
            reservation.release();
            throw e;
        }
        if (decoding.isEmpty()) {
            admitted.release();
            reservation.release();
            throw BUSY.exception();
        }
        decoding.get().onComplete(ended -> reservation.release());
        decoding.get().compose(result -> judge(result, judging)).onComplete(ar -> {
            admitted.release();
            if (ctx.response().ended()) {
                return; // the timeout answered already
            }
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            images.metrics().outcome(ImageMetrics.Outcome.FOUND);
            edge.answer(ctx.response(), judging, ar.result());
        });
    }

    /** Refuses, from the header alone, a body that is not an image of its declared type or is too large. */
    private void checkHeader(byte[] body, ImageRequest request) {
        HeaderProbe probe = images.probe(body, request.format());
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

    private Future<Outcome> judge(DecodeResult result, Edge.Judging judging) {
        if (result instanceof DecodeResult.Found found) {
            return edge.judge(judging, found.text());
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

    /** Counts a failed image request by outcome, then leaves the answer to the router's error mapper. */
    private void countFailure(RoutingContext ctx) {
        ApiError error = ErrorMapper.map(ctx.failure(), ctx.statusCode());
        images.metrics().outcome(error.status() == 422 ? ImageMetrics.Outcome.NO_CODE : ImageMetrics.Outcome.REFUSED);
        ctx.next();
    }
}
