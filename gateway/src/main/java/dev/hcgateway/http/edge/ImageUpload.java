package dev.hcgateway.http.edge;

import dev.hcgateway.http.ApiError;
import dev.hcgateway.image.MemoryBudget;
import dev.hcgateway.image.ReservedBody;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads an image body under the body budget: the declared length is reserved before a byte is buffered (a
 * chunked body reserves as it grows), and the request's hold on the reservation is released on every end of the
 * request (answer, error, deadline, client gone); a decode job still reading the bytes holds it on. A request the
 * budget has no room for is answered 503 {@code image_busy} at once.
 */
final class ImageUpload {

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

    /** Reads the body of the exchange's request; completes with it, or fails with the refusal. */
    Future<ReservedBody> read(Exchange exchange) {
        HttpServerRequest request = exchange.request;
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            throw TOO_LARGE.exception(); // before a byte is read
        }
        ReservedBody body = ReservedBody.open(budget, request.isEnded() ? 0 : declared, maxBytes).orElse(null);
        if (body == null) {
            throw NO_ROOM.exception();
        }
        exchange.onEnd(body.reservation()::release); // the request's own hold, released once
        if (request.isEnded()) {
            return Future.succeededFuture(body);
        }
        Promise<ReservedBody> read = Promise.promise();
        request.handler(chunk -> {
            if (exchange.over()) {
                return; // answered already (its deadline): the rest is dropped, never buffered
            }
            switch (body.append(chunk)) {
                case STORED -> { }
                case TOO_LARGE -> read.tryFail(TOO_LARGE.exception());
                case NO_BUDGET -> read.tryFail(NO_ROOM.exception());
            }
        });
        request.endHandler(v -> read.tryComplete(body));
        // A client gone mid-body also ends the exchange, which releases the hold: nothing to do here.
        request.exceptionHandler(read::tryFail);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue(); // only now: a refused client never sends its body
        }
        return read.future();
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
