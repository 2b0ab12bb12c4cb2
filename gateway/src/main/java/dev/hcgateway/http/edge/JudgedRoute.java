package dev.hcgateway.http.edge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * How one judged route reads its input (a JSON body, a document, a batch, an image); the {@link Edge} does the
 * rest, in its order. Every method refuses a bad request by throwing an {@code ApiError.ApiException}.
 */
interface JudgedRoute {

    /** Returns the route's path, also its bounded metric label. */
    String path();

    /** Returns the deadline of a request, from its head. */
    long timeoutMs();

    /** Reads what the head alone tells (an image's query), or returns null when the body tells it (JSON routes). */
    default Asked head(HttpServerRequest request) {
        return null;
    }

    /** Parses a complete JSON body, at most {@code http.maxBodyBytes}. */
    default Asked body(Buffer body) {
        throw new UnsupportedOperationException(path() + " has no JSON body");
    }

    /**
     * Turns what the head told into what to judge, once the request is admitted: an image's upload and decode.
     * Routes that read a JSON body have it already.
     */
    default Future<Asked> input(Exchange exchange, Asked asked) {
        return Future.succeededFuture(asked);
    }

    /** Hears how a request of this route ended: null when judged and answered, else its refusal. */
    default void finished(dev.hcgateway.http.ApiError refusal) {
    }
}
