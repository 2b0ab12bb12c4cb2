package dev.hcgateway.http;

import dev.hcgateway.image.MemoryBudget;
import dev.hcgateway.image.ReservedBody;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads an image body under the body budget, in place of a {@code BodyHandler}: the declared length is reserved
 * before a byte is buffered (a chunked body reserves as it grows), and the reservation is released on every end
 * of the request (answer, error, timeout, client gone); a decode job still reading the bytes holds it on. A
 * request the budget has no room for is answered 503 {@code image_busy} at once.
 */
final class ImageUpload implements Handler<RoutingContext> {

    /** The context key of the {@link ReservedBody} once the whole body has arrived. */
    static final String BODY = "hc.image.body";

    static final ApiError NO_ROOM = ApiError.unavailable("image_busy",
            "Too many images are being received at once; retry shortly.", 1);
    private static final ApiError TOO_LARGE = new ApiError(413, "body_too_large",
            "The request body is over the limit.", 0);

    private final MemoryBudget budget;
    private final int maxBytes;

    ImageUpload(MemoryBudget budget, int maxBytes) {
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            throw TOO_LARGE.exception(); // before a byte is read
        }
        ReservedBody body = ReservedBody.open(budget, request.isEnded() ? 0 : declared, maxBytes).orElse(null);
        if (body == null) {
            throw NO_ROOM.exception();
        }
        MemoryBudget.Reservation reservation = body.reservation();
        // Response end, close or error (called once per context): the request's hold ends, however it ended.
        ctx.addEndHandler(ended -> reservation.release());
        if (request.isEnded()) {
            ctx.put(BODY, body);
            ctx.next();
            return;
        }
        request.handler(chunk -> {
            if (ctx.response().ended() || ctx.failed()) {
                return; // answered already (timeout): the rest is dropped, never buffered
            }
            switch (body.append(chunk)) {
                case STORED -> { }
                case TOO_LARGE -> ctx.fail(TOO_LARGE.exception());
                case NO_BUDGET -> ctx.fail(NO_ROOM.exception());
            }
        });
        request.endHandler(v -> {
            if (!ctx.response().ended() && !ctx.failed()) {
                ctx.put(BODY, body);
                ctx.next();
            }
        });
        // A client gone mid-body also closes the response, which runs the end handler above: nothing to do here.
        request.exceptionHandler(e -> { });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue(); // only now: a refused client never sends its body
        }
    }

    /** Returns the declared {@code Content-Length}, or -1 for none (chunked); a malformed one is 400. */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("bad_request", "The Content-Length header is malformed.").exception();
    }
}
